/**
 * Repository writes: the one path through which a repository changes. Each write commits to the
 * actor store first, then appends its event to the sequencer; the client is answered after both.
 */
package org.auroralocus.server.repo;
