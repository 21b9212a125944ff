package org.auroralocus.server.proxy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.AtUri;

/**
 * The account's records an AppView answer does not reflect yet (written after the revision it names):
 * how many, and among them the profile and the posts, oldest first.
 */
record LocalRecords(int count, Optional<Local> profile, List<Local> posts) {
    LocalRecords {
        posts = List.copyOf(posts);
    }

    /** One record as JSON, with when this server indexed it. */
    record Local(AtUri uri, Cid cid, Instant indexedAt, ObjectNode record) {}

    /** How far the AppView is behind: since the oldest of these records; empty when there is none to show. */
    Optional<Duration> lag(Instant now) {
        return Stream.concat(profile.stream(), posts.stream()).map(Local::indexedAt).min(Instant::compareTo)
                .map(oldest -> Duration.between(oldest, now));
    }
}
