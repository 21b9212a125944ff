package org.auroralocus.server.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Read-after-write over real HTTP: the fake AppView answers as of an older revision of the account's
 * repository, and the PDS patches in what the account wrote since.
 */
class ReadAfterWriteXrpcTest {
    @RegisterExtension static final FakeService appView = new FakeService();
    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(appView.asAppView());

    @Test
    void aPostMadeAMomentAgoAppearsAtTheTopOfTheAuthorsOwnFeed() {
        TestAccounts.SignedUp bob = pds.signUp("bob", "password-bob");
        JsonNode older = post(bob, "seen by the AppView");
        String seenRev = latestRev(bob);
        JsonNode fresh = post(bob, "made a moment ago");
        String feed = "{\"feed\":[{\"post\":{\"uri\":\"" + older.get("uri").asText() + "\",\"cid\":\"" + older.get("cid").asText()
                + "\",\"author\":{\"did\":\"" + bob.did() + "\",\"handle\":\"" + bob.handle() + "\"},\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"seen by the AppView\",\"createdAt\":\"2020-01-01T00:00:00.000Z\"},"
                + "\"indexedAt\":\"2020-01-01T00:00:00.000Z\"}}],\"cursor\":\"c1\"}";
        appView.answer(r -> FakeService.Answer.json(200, feed, "atproto-repo-rev", seenRev));

        var r = pds.get("/xrpc/app.bsky.feed.getAuthorFeed?actor=" + bob.did(), bob.auth());
        assertEquals(200, r.status(), r.text());
        JsonNode items = r.json().get("feed");
        assertEquals(2, items.size(), r.text());
        JsonNode first = items.get(0).get("post");
        assertEquals(fresh.get("uri").asText(), first.get("uri").asText());
        assertEquals(fresh.get("cid").asText(), first.get("cid").asText());
        assertEquals("made a moment ago", first.get("record").get("text").asText());
        assertEquals(bob.handle(), first.get("author").get("handle").asText());
        assertEquals(0, first.get("likeCount").asInt());
        assertEquals(older.get("uri").asText(), items.get(1).get("post").get("uri").asText());
        assertEquals("c1", r.json().get("cursor").asText());
        assertTrue(Long.parseLong(r.header("Atproto-Upstream-Lag").orElseThrow()) >= 0);
        assertTrue(r.header("atproto-repo-rev").isEmpty());
    }

    @Test
    void theOwnProfileShowsTheProfileRecordTheAppViewHasNotSeen() {
        TestAccounts.SignedUp carol = pds.signUp("carol", "password-carol");
        // a record the AppView has seen: without one, a revision older than every record is taken for
        // another repository's (a migration) and nothing is patched, as in the official PDS
        post(carol, "hello");
        String seenRev = latestRev(carol);
        var put = pds.post("/xrpc/com.atproto.repo.putRecord", "{\"repo\":\"" + carol.did() + "\",\"collection\":\"app.bsky.actor.profile\","
                + "\"rkey\":\"self\",\"record\":{\"$type\":\"app.bsky.actor.profile\",\"displayName\":\"Carol Now\",\"description\":\"fresh\"}}", carol.auth());
        assertEquals(200, put.status(), put.text());
        appView.answer(r -> FakeService.Answer.json(200, "{\"did\":\"" + carol.did() + "\",\"handle\":\"" + carol.handle()
                + "\",\"displayName\":\"Carol Before\",\"description\":\"stale\",\"followersCount\":3}", "atproto-repo-rev", seenRev));

        var r = pds.get("/xrpc/app.bsky.actor.getProfile?actor=" + carol.did(), carol.auth());
        assertEquals(200, r.status(), r.text());
        assertEquals("Carol Now", r.json().get("displayName").asText());
        assertEquals("fresh", r.json().get("description").asText());
        assertEquals(3, r.json().get("followersCount").asInt());
        assertTrue(r.header("Atproto-Upstream-Lag").isPresent());
    }

    @Test
    void anAnswerThatIsUpToDateIsPassedOnUnchanged() {
        TestAccounts.SignedUp dave = pds.signUp("dave", "password-dave");
        post(dave, "already seen");
        String rev = latestRev(dave);
        String body = "{\"feed\":[],\"cursor\":\"z\"}";
        appView.answer(r -> FakeService.Answer.json(200, body, "atproto-repo-rev", rev));
        var r = pds.get("/xrpc/app.bsky.feed.getTimeline", dave.auth());
        assertEquals(200, r.status(), r.text());
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), r.body());
        assertEquals(rev, r.header("atproto-repo-rev").orElseThrow());
        assertFalse(r.header("Atproto-Upstream-Lag").isPresent());
    }

    @Test
    void aReplyTheAppViewDoesNotKnowYetIsShownAsAThreadBuiltHere() throws Exception {
        TestAccounts.SignedUp erin = pds.signUp("erin", "password-erin");
        JsonNode root = post(erin, "the root");
        String seenRev = latestRev(erin);
        JsonNode reply = reply(erin, "a fresh reply", root, root);
        JsonNode deeper = reply(erin, "deeper still", root, reply);
        String rootThread = "{\"thread\":{\"$type\":\"app.bsky.feed.defs#threadViewPost\",\"post\":{\"uri\":\""
                + root.get("uri").asText() + "\",\"cid\":\"" + root.get("cid").asText() + "\",\"likeCount\":4}}}";
        appView.forget();
        appView.answer(r -> r.query().contains("depth=0")
                ? FakeService.Answer.json(200, rootThread)
                : FakeService.Answer.json(400, "{\"error\":\"NotFound\",\"message\":\"Post not found\"}", "atproto-repo-rev", seenRev));

        String byHandle = reply.get("uri").asText().replace(erin.did().value(), erin.handle());
        var r = pds.get("/xrpc/app.bsky.feed.getPostThread?parentHeight=5&uri="
                + URLEncoder.encode(byHandle, StandardCharsets.UTF_8), erin.auth());
        assertEquals(200, r.status(), r.text());
        JsonNode thread = r.json().get("thread");
        assertEquals("app.bsky.feed.defs#threadViewPost", thread.get("$type").asText());
        assertEquals(reply.get("uri").asText(), thread.get("post").get("uri").asText());
        assertEquals("a fresh reply", thread.get("post").get("record").get("text").asText());
        assertEquals(erin.handle(), thread.get("post").get("author").get("handle").asText());
        assertEquals(deeper.get("uri").asText(), thread.get("replies").get(0).get("post").get("uri").asText());
        assertEquals(root.get("uri").asText(), thread.get("parent").get("post").get("uri").asText());
        assertEquals(4, thread.get("parent").get("post").get("likeCount").asInt());
        assertTrue(r.header("Atproto-Upstream-Lag").isPresent());
        assertTrue(r.header("atproto-repo-rev").isEmpty());

        appView.next();
        FakeService.Request parents = appView.next();
        assertTrue(parents.query().contains("uri=" + URLEncoder.encode(root.get("uri").asText(), StandardCharsets.UTF_8)), parents.query());
        assertTrue(parents.query().contains("parentHeight=5"), parents.query());
        UpstreamChecks.checkToken(pds.running(), parents, erin.did(), appView.did(), "app.bsky.feed.getPostThread");
    }

    @Test
    void aPostNotFoundThatIsNotTheCallersNewPostStaysNotFound() {
        TestAccounts.SignedUp fay = pds.signUp("fay", "password-fay");
        JsonNode old = post(fay, "seen long ago");
        String rev = latestRev(fay);
        appView.answer(r -> FakeService.Answer.json(404, "{\"error\":\"NotFound\",\"message\":\"Post not found\"}", "atproto-repo-rev", rev));
        String other = "at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3jzfcijpj2z2a";
        for (String uri : new String[] {old.get("uri").asText(), other}) {
            var r = pds.get("/xrpc/app.bsky.feed.getPostThread?uri=" + URLEncoder.encode(uri, StandardCharsets.UTF_8), fay.auth());
            UpstreamChecks.assertError(r, 404, "NotFound", "Post not found");
            assertEquals(rev, r.header("atproto-repo-rev").orElseThrow());
        }
    }

    private static JsonNode reply(TestAccounts.SignedUp who, String text, JsonNode root, JsonNode parent) {
        return create(who, "{\"$type\":\"app.bsky.feed.post\",\"text\":\"" + text + "\",\"createdAt\":\"" + Instant.now()
                + "\",\"reply\":{\"root\":" + ref(root) + ",\"parent\":" + ref(parent) + "}}");
    }

    private static String ref(JsonNode created) {
        return "{\"uri\":\"" + created.get("uri").asText() + "\",\"cid\":\"" + created.get("cid").asText() + "\"}";
    }

    private static JsonNode post(TestAccounts.SignedUp who, String text) {
        return create(who, "{\"$type\":\"app.bsky.feed.post\",\"text\":\"" + text + "\",\"createdAt\":\"" + Instant.now() + "\"}");
    }

    private static JsonNode create(TestAccounts.SignedUp who, String record) {
        var r = pds.post("/xrpc/com.atproto.repo.createRecord", "{\"repo\":\"" + who.did() + "\",\"collection\":\"app.bsky.feed.post\","
                + "\"record\":" + record + "}", who.auth());
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    private static String latestRev(TestAccounts.SignedUp who) {
        return pds.get("/xrpc/com.atproto.sync.getLatestCommit?did=" + who.did()).json().get("rev").asText();
    }
}
