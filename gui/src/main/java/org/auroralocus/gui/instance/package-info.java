/**
 * One desktop application per data folder: the first launch holds a lock file there and listens on a
 * loopback socket; a second launch finds the lock, asks the first (through that socket) to bring its
 * window forward, and exits, instead of failing on the server's port. Not for the headless server,
 * whose busy port is already a clear one-line error.
 */
package org.auroralocus.gui.instance;
