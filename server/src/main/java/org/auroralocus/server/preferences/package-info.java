/**
 * The account's private app.bsky preferences (getPreferences / putPreferences), kept in its actor
 * store and served by this PDS even though every other app.bsky method goes to the AppView. Not for
 * public profile data: that is the app.bsky.actor.profile record in the repository.
 */
package org.auroralocus.server.preferences;
