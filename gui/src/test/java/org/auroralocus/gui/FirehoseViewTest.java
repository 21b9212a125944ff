package org.auroralocus.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.auroralocus.gui.firehose.FirehoseView;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.inspect.FirehoseEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FirehoseViewTest {
    @TempDir static Path dir;
    static GuiHarness harness;
    FirehoseView view;

    @BeforeAll
    static void startServer() throws Exception {
        harness = GuiHarness.started(dir);
    }

    @AfterAll
    static void stopServer() {
        harness.close();
    }

    @Start
    void start(Stage stage) {
        view = new FirehoseView(harness.gui);
        GuiHarness.show(stage, (javafx.scene.Parent) view.node());
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
}
