/**
 * Running the server as its administrator: finding and changing accounts, takedowns of accounts,
 * records and blobs, invite codes and messages to account holders. {@link AdminService} is the one
 * entry point, shared by the com.atproto.admin XRPC methods and the desktop application; it decides,
 * they translate. Not for what account holders do themselves (that is {@code account}).
 */
package org.auroralocus.server.admin;
