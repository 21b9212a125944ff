/** The Personal Data Server: entry points and the composition root. Feature packages sit below it. */
package org.auroralocus.server;
