package org.auroralocus.server.inspect;

import java.time.Instant;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;

/**
 * One sequenced event, described for people: {@code ops} summarises a commit's operations
 * ({@code create app.bsky.feed.post/3k…}), {@code json} is the whole body as indented JSON with the
 * CAR {@code blocks} replaced by their size.
 */
public record FirehoseEntry(long seq, Instant time, String type, Did did, Optional<Handle> handle, String ops,
                            String json) {}
