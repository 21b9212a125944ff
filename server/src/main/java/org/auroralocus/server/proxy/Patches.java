package org.auroralocus.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;

/**
 * How read-after-write changes each AppView answer, as the official PDS's munge functions: new posts go
 * into the timeline and the account's own author feed, the profile views of the account take its local
 * profile record, and new replies go into the thread they answer.
 */
final class Patches {
    /** One answer's change: {@code answer} is the parsed body, changed in place. */
    @FunctionalInterface
    interface Patch {
        void apply(LocalViewer viewer, ObjectNode answer, LocalRecords local, Did requester);
    }

    static final Map<Nsid, Patch> BY_METHOD = Map.of(
            Nsid.parse("app.bsky.feed.getTimeline"), Patches::timeline,
            Nsid.parse("app.bsky.feed.getAuthorFeed"), Patches::authorFeed,
            Nsid.parse("app.bsky.feed.getPostThread"), Patches::postThread,
            Nsid.parse("app.bsky.actor.getProfile"), Patches::profile,
            Nsid.parse("app.bsky.actor.getProfiles"), Patches::profiles);

    private Patches() {}

    static void timeline(LocalViewer viewer, ObjectNode answer, LocalRecords local, Did requester) {
        insertPosts(viewer, feed(answer), local, requester);
    }

    /** Only the account's own feed (its first item is its post or its repost) is patched. */
    static void authorFeed(LocalViewer viewer, ObjectNode answer, LocalRecords local, Did requester) {
        ArrayNode feed = feed(answer);
        if (feed.isEmpty()) return;
        JsonNode first = feed.get(0);
        boolean own = first.has("reason")
                ? first.path("reason").path("$type").asText().equals("app.bsky.feed.defs#reasonRepost")
                        && first.path("reason").path("by").path("did").asText().equals(requester.value())
                : first.path("post").path("author").path("did").asText().equals(requester.value());
        if (!own) return;
        local.profile().ifPresent(profile -> {
            for (JsonNode item : feed) {
                JsonNode author = item.path("post").path("author");
                if (author instanceof ObjectNode a && a.path("did").asText().equals(requester.value())) {
                    viewer.updateBasic(a, requester, profile.record());
                }
            }
        });
        insertPosts(viewer, feed, local, requester);
    }

    static void profile(LocalViewer viewer, ObjectNode answer, LocalRecords local, Did requester) {
        if (local.profile().isEmpty() || !answer.path("did").asText().equals(requester.value())) return;
        viewer.updateDetailed(answer, requester, local.profile().get().record());
    }

    static void profiles(LocalViewer viewer, ObjectNode answer, LocalRecords local, Did requester) {
        if (local.profile().isEmpty()) return;
        for (JsonNode p : answer.path("profiles")) {
            if (p instanceof ObjectNode o && o.path("did").asText().equals(requester.value())) {
                viewer.updateDetailed(o, requester, local.profile().get().record());
            }
        }
    }

    /** New local replies go under the post they answer, when they belong to this thread. */
    static void postThread(LocalViewer viewer, ObjectNode answer, LocalRecords local, Did requester) {
        if (!(answer.path("thread") instanceof ObjectNode thread)
                || !thread.path("$type").asText().equals("app.bsky.feed.defs#threadViewPost")) {
            return;
        }
        String threadUri = thread.path("post").path("uri").asText();
        String threadRoot = thread.path("post").path("record").path("reply").path("root").path("uri").asText();
        for (LocalRecords.Local post : local.posts()) {
            String root = post.record().path("reply").path("root").path("uri").asText("");
            if (root.isEmpty() || !root.equals(threadUri) && !root.equals(threadRoot)) continue;
            insertReply(viewer, thread, post, local, requester);
        }
    }

    private static void insertReply(LocalViewer viewer, ObjectNode view, LocalRecords.Local post, LocalRecords local,
                                    Did requester) {
        String parent = post.record().path("reply").path("parent").path("uri").asText();
        if (parent.equals(view.path("post").path("uri").asText())) {
            viewer.post(requester, post, local.profile()).ifPresent(p -> {
                ArrayNode replies = view.has("replies") && view.get("replies").isArray()
                        ? (ArrayNode) view.get("replies") : view.putArray("replies");
                ObjectNode reply = replies.insertObject(0);
                reply.put("$type", "app.bsky.feed.defs#threadViewPost");
                reply.set("post", p);
            });
            return;
        }
        for (JsonNode reply : view.path("replies")) {
            if (reply instanceof ObjectNode r && r.path("$type").asText().equals("app.bsky.feed.defs#threadViewPost")) {
                insertReply(viewer, r, post, local, requester);
            }
        }
    }

    private static ArrayNode feed(ObjectNode answer) {
        if (!(answer.get("feed") instanceof ArrayNode feed)) throw new IllegalArgumentException("the answer has no feed");
        return feed;
    }

    /**
     * The local posts newer than the feed's last item, newest first, each placed before the first item
     * older than it (as the official formatAndInsertPostsInFeed).
     */
    private static void insertPosts(LocalViewer viewer, ArrayNode feed, LocalRecords local, Did requester) {
        if (local.posts().isEmpty()) return;
        Instant last = feed.isEmpty() ? Instant.EPOCH : indexedAt(feed.get(feed.size() - 1));
        List<LocalRecords.Local> newest = new ArrayList<>(local.posts().stream().filter(p -> p.indexedAt().isAfter(last)).toList());
        java.util.Collections.reverse(newest);
        for (LocalRecords.Local post : newest) {
            Optional<ObjectNode> view = viewer.post(requester, post, local.profile());
            if (view.isEmpty()) continue;
            int at = feed.size();
            for (int i = 0; i < feed.size(); i++) {
                if (indexedAt(feed.get(i)).isBefore(post.indexedAt())) {
                    at = i;
                    break;
                }
            }
            feed.insertObject(at).set("post", view.get());
        }
    }

    private static Instant indexedAt(JsonNode item) {
        try {
            return Instant.parse(item.path("post").path("indexedAt").asText());
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
