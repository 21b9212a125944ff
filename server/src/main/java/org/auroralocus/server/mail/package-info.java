/**
 * E-mail: the codes that prove control of an account's address, sent through the operator's SMTP
 * server, or written to the log when none is configured.
 */
package org.auroralocus.server.mail;
