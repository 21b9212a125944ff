package org.auroralocus.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.gui.firehose.FirehoseViewModel;
import org.auroralocus.server.sequencer.SequencedEvent;
import javafx.scene.control.TableView;
import org.auroralocus.gui.firehose.FirehoseView;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.inspect.FirehoseEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The firehose screen alone in the window, over a real server. */
class FirehoseViewTest extends MainWindowTest {
    FirehoseView view;

    @BeforeEach
    void showFirehose() throws Exception {
        view = GuiHarness.onFx(() -> new FirehoseView(harness.gui));
        GuiHarness.onFx(() -> {
            scene.setRoot((javafx.scene.Parent) view.node());
            return null;
        });
    }

    @Test
    void aPostMadeOverXrpcAppearsWithinTwoSeconds(FxRobot robot) throws Exception {
        var alice = TestAccounts.signUp(harness.pds(), "fire", "correct horse");
        long posted = System.nanoTime();
        var created = harness.pds().post("/xrpc/com.atproto.repo.createRecord", """
                {"repo":"%s","collection":"app.bsky.feed.post","record":{"$type":"app.bsky.feed.post","text":"hello firehose",
                "createdAt":"2026-11-28T12:00:00.000Z"}}""".formatted(alice.did()), alice.auth());
        assertEquals(200, created.status(), created.text());
        @SuppressWarnings("unchecked")
        TableView<FirehoseEntry> table = robot.lookup("#firehose-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(e -> e.type().equals("#commit") && e.ops().contains("create app.bsky.feed.post/")));
        assertTrue(System.nanoTime() - posted < TimeUnit.SECONDS.toNanos(2));
        FirehoseEntry post = GuiHarness.onFx(() -> table.getItems().stream()
                .filter(e -> e.ops().contains("app.bsky.feed.post")).findFirst().orElseThrow());
        assertEquals(alice.handle(), post.handle().orElseThrow().toString(), "the row names the account by handle");

        GuiHarness.onFx(() -> {
            table.getSelectionModel().select(post);
            return null;
        });
        String json = GuiHarness.await("the detail JSON", () -> robot.lookup("#firehose-detail")
                .queryAs(javafx.scene.control.TextArea.class).getText(), t -> t.contains("\"seq\""));
        assertTrue(json.contains("com.atproto.sync.subscribeRepos#commit"), json);
        assertTrue(json.contains("app.bsky.feed.post/"), json);
    }

    @Test
    void pausedTheTableStandsStillAndResumingCatchesUp(FxRobot robot) throws Exception {
        var bob = TestAccounts.signUp(harness.pds(), "pause", "correct horse");
        robot.clickOn("#firehose-pause");
        int before = GuiHarness.onFx(() -> view.model().rows().size());
        harness.pds().post("/xrpc/com.atproto.repo.createRecord", """
                {"repo":"%s","collection":"app.bsky.feed.post","record":{"$type":"app.bsky.feed.post","text":"while paused",
                "createdAt":"2026-11-28T12:00:00.000Z"}}""".formatted(bob.did()), bob.auth());
        GuiHarness.await("events waiting", () -> view.model().waiting().get(), n -> n > 0);
        assertEquals(before, GuiHarness.onFx(() -> view.model().rows().size()), "nothing added while paused");
        robot.clickOn("#firehose-pause");
        GuiHarness.await("the waiting events", () -> view.model().rows().size(), n -> n > before);
    }

    /**
     * 2,000 events as fast as one thread can hand them to the in-process feed (the path the sequencer
     * takes): the table keeps at most its cap, ends on the newest event, and the FX thread keeps
     * answering within half a second all along.
     */
    @Test
    void aBurstOfTwoThousandEventsKeepsTheTableCappedAndTheWindowResponsive() throws Exception {
        var pds = harness.pds();
        var owner = TestAccounts.signUp(pds, "burst", "correct horse");
        var feed = pds.server().services().inspection().events();
        long first = pds.server().services().inspection().recentEvents(1).getLast().seq() + 1_000;
        int count = 2_000;
        long last = first + count - 1;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Thread pusher = Thread.ofPlatform().start(() -> {
            for (long seq = first; seq <= last; seq++) {
                feed.sequenced(new SequencedEvent(seq, owner.did(), "#sync", now, DataValue.map("rev", DataValue.of("burst" + seq))));
            }
        });
        long slowest = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            CountDownLatch answered = new CountDownLatch(1);
            long asked = System.nanoTime();
            Platform.runLater(answered::countDown);
            assertTrue(answered.await(500, TimeUnit.MILLISECONDS), "the FX thread answered within 500 ms during the burst");
            slowest = Math.max(slowest, System.nanoTime() - asked);
            if (!pusher.isAlive() && GuiHarness.onFx(() -> !view.model().rows().isEmpty() && view.model().rows().getLast().seq() == last)) break;
        }
        pusher.join();
        int rows = GuiHarness.onFx(() -> view.model().rows().size());
        assertEquals(last, GuiHarness.onFx(() -> view.model().rows().getLast().seq()), "the table ends on the newest event");
        assertTrue(rows <= FirehoseViewModel.KEPT, "at most " + FirehoseViewModel.KEPT + " rows, not " + rows);
        assertEquals(FirehoseViewModel.KEPT, rows, "the burst fills the table to its cap");
        System.getLogger(FirehoseViewTest.class.getName()).log(System.Logger.Level.INFO,
                "slowest FX answer during the burst: {0} ms", TimeUnit.NANOSECONDS.toMillis(slowest));
    }
}
