/** The app.bsky.actor.* endpoints this PDS answers itself (the rest go to the AppView): one class per NSID. */
package org.auroralocus.server.xrpc.app.bsky.actor;
