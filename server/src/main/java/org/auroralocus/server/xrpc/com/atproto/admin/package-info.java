/**
 * The com.atproto.admin methods: thin translations of {@link org.auroralocus.server.admin.AdminService}
 * to and from the lexicons, served to the administrator's Basic credentials.
 */
package org.auroralocus.server.xrpc.com.atproto.admin;
