/**
 * The app.bsky.notification.* endpoints this PDS answers itself: push registration, relayed to the
 * notification service the body names (the rest go to the AppView). One class per NSID.
 */
package org.auroralocus.server.xrpc.app.bsky.notification;
