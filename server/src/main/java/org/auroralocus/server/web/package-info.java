/** The plain HTTP pages around XRPC: the home page, robots.txt and the health check. */
package org.auroralocus.server.web;
