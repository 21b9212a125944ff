/**
 * Identity on the server side: the handle rules for accounts hosted here, handle changes (the
 * account table, the PLC document and the {@code #identity} event together), and resolution that
 * answers from local accounts first.
 */
package org.auroralocus.server.identity;
