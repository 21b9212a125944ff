package org.auroralocus.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataJson;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.db.RecordTable;

/**
 * Read-after-write, as the official PDS: when an AppView answer names the repository revision it
 * reflects ({@code atproto-repo-rev}) and the account has written records since (at most the
 * {@value #MAX_LOCAL} oldest are considered), the answer is read whole, patched ({@link Patches}) and
 * sent with {@code Atproto-Upstream-Lag} (milliseconds) instead of the revision. Any other answer is
 * left to be streamed; a patch that fails sends the answer as it came.
 */
final class ReadAfterWrite {
    private static final System.Logger LOG = System.getLogger(ReadAfterWrite.class.getName());
    static final int MAX_LOCAL = 10;
    /** Larger answers than this are not patched: they are streamed as they are. */
    private static final int MAX_PATCHED_BYTES = 8 * 1024 * 1024;
    private static final String PROFILE = "app.bsky.actor.profile";
    private static final String POST = "app.bsky.feed.post";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ActorStores actors;
    private final LocalViewer viewer;
    private final Clock clock;

    ReadAfterWrite(ActorStores actors, LocalViewer viewer, Clock clock) {
        this.actors = actors;
        this.viewer = viewer;
        this.clock = clock;
    }

    /** Answers the client when the answer is one to patch, and returns true; false leaves the answer unread. */
    boolean respond(Nsid nsid, Did requester, HttpResponse<InputStream> answer, ServerResponse res) {
        Patches.Patch patch = Patches.BY_METHOD.get(nsid);
        Optional<String> rev = answer.headers().firstValue(ProxyHeaders.REPO_REV);
        if (patch == null || rev.isEmpty() || answer.statusCode() != 200 || !json(answer) || decoder(answer).isEmpty()) {
            return false;
        }
        boolean tooLarge = answer.headers().firstValueAsLong("content-length").orElse(0) > MAX_PATCHED_BYTES;
        LocalRecords local = tooLarge ? new LocalRecords(0, Optional.empty(), List.of()) : local(requester, rev.get());
        if (local.count() == 0) return false;
        byte[] body = read(answer);
        ObjectNode patched;
        try {
            JsonNode tree = JSON.readTree(body);
            if (!(tree instanceof ObjectNode object)) throw new IllegalArgumentException("not a JSON object");
            patch.apply(viewer, object, local, requester);
            patched = object;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "read-after-write patch of {0} failed for did={1}: {2}", nsid, requester, e.toString());
            res.status(answer.statusCode());
            ProxyHeaders.copy(answer.headers(), List.of("content-type", "content-language"), res);
            ProxyHeaders.copy(answer.headers(), ProxyHeaders.ANSWER_HEADERS, res);
            res.send(body);
            return true;
        }
        ProxyHeaders.copy(answer.headers(), List.of("atproto-content-labelers"), res);
        send(res, patched, local);
        return true;
    }

    LocalViewer viewer() {
        return viewer;
    }

    /** Sends an answer built or patched with {@code local}, saying how far the AppView is behind. */
    void send(ServerResponse res, ObjectNode answer, LocalRecords local) {
        res.status(200);
        res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        local.lag(clock.instant()).ifPresent(lag -> res.header("Atproto-Upstream-Lag", Long.toString(lag.toMillis())));
        try {
            res.send(JSON.writeValueAsBytes(answer));
        } catch (IOException e) {
            throw new IllegalStateException("writing a JSON tree failed", e);
        }
    }

    /** The account's records written after {@code rev} (at most {@value #MAX_LOCAL}), its profile and posts picked out. */
    LocalRecords local(Did did, String rev) {
        List<RecordTable.RecentRecord> recent = actors.read(did, r -> r.recordsWrittenAfter(rev, MAX_LOCAL));
        Optional<LocalRecords.Local> profile = Optional.empty();
        List<LocalRecords.Local> posts = new ArrayList<>();
        for (RecordTable.RecentRecord r : recent) {
            String collection = r.uri().collection().map(Nsid::value).orElse("");
            boolean isProfile = collection.equals(PROFILE) && r.uri().rkey().map(k -> k.value().equals("self")).orElse(false);
            if (!isProfile && !collection.equals(POST)) continue;
            JsonNode value = DataJson.toTree(DagCbor.decode(r.block()));
            if (!(value instanceof ObjectNode record)) continue;
            LocalRecords.Local local = new LocalRecords.Local(r.uri(), r.cid(), r.indexedAt(), record);
            if (isProfile) profile = Optional.of(local);
            else posts.add(local);
        }
        return new LocalRecords(recent.size(), profile, posts);
    }

    private static boolean json(HttpResponse<InputStream> answer) {
        return ProxyHeaders.mayBeJson(answer.headers().firstValue("content-type"));
    }

    private interface Decoder {
        InputStream wrap(InputStream in) throws IOException;
    }

    /** How to read the answer's content encoding; empty for one this server cannot decode (it is then streamed). */
    private static Optional<Decoder> decoder(HttpResponse<InputStream> answer) {
        String encoding = answer.headers().firstValue("content-encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "identity", "" -> Optional.of(in -> in);
            case "gzip", "x-gzip" -> Optional.of(GZIPInputStream::new);
            case "deflate" -> Optional.of(InflaterInputStream::new);
            default -> Optional.empty();
        };
    }

    private static byte[] read(HttpResponse<InputStream> answer) {
        try (InputStream in = decoder(answer).orElseThrow().wrap(answer.body())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw UpstreamClient.unreachable();
        }
    }
}
