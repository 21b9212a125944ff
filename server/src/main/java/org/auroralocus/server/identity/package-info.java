/**
 * Identity on the server side: the handle rules for accounts hosted here, handle changes (the
 * account table, the PLC document and the {@code #identity} event together), resolution that
 * answers from local accounts first, and the PLC operations an account holder asks this server to
 * sign (with an e-mailed code) and submit (only when the account stays usable here).
 */
package org.auroralocus.server.identity;
