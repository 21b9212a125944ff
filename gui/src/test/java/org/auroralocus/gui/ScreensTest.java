package org.auroralocus.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.control.TableView;
import javafx.scene.layout.TilePane;
import org.auroralocus.gui.logs.LogEntry;
import org.auroralocus.server.inspect.BlobInfo;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The dashboard, blobs, settings and logs screens over one running server. */
class ScreensTest extends MainWindowTest {
    @Test
    void anUploadedImageAppearsInTheBlobsView(FxRobot robot) throws Exception {
        var erin = SampleData.account(harness.pds(), "erin");
        String post = SampleData.imagePost(harness.pds(), erin, SampleData.picture(Color.BLUE, Color.WHITE, Color.GREEN), "a field");
        robot.clickOn("#nav-blobs");
        robot.clickOn("Refresh");
        TilePane grid = robot.lookup("#blobs-grid").queryAs(TilePane.class);
        BlobInfo shown = GuiHarness.await("the image tile", () -> grid.getChildren().stream()
                .map(n -> (BlobInfo) n.getUserData()).filter(b -> b.owner().equals(erin.did())).findFirst(), o -> o.isPresent())
                .orElseThrow();
        assertEquals("image/png", shown.mimeType());
        assertEquals(java.util.List.of(post), shown.referencedBy(), "the tile names the post that uses it");
        assertTrue(GuiHarness.onFx(() -> robot.lookup(".thumb .image-view").tryQuery().isPresent()), "a thumbnail is drawn");
    }

    @Test
    void theDashboardStopsAndStartsTheServer(FxRobot robot) throws Exception {
        assertEquals("Running", robot.lookup("#server-state").queryLabeled().getText());
        robot.clickOn("#stop-server");
        GuiHarness.await("stopped", () -> harness.host.state().get(), s -> s == ServerState.STOPPED);
        assertEquals("Stopped", robot.lookup("#server-state").queryLabeled().getText());
        assertEquals("—", robot.lookup("#public-url").queryLabeled().getText(), "no address while stopped");
        robot.clickOn("#start-server");
        harness.awaitRunning();
        var r = harness.pds().get("/xrpc/com.atproto.server.describeServer");
        assertEquals(200, r.status(), "the restarted server answers");
        String url = GuiHarness.await("the address", () -> robot.lookup("#public-url").queryLabeled().getText(),
                t -> t.startsWith("http://localhost:"));
        assertEquals(harness.pds().server().config().publicUrl(), url);
    }

    @Test
    void settingsRefuseAnInvalidPortInPlainWords(FxRobot robot) throws Exception {
        robot.clickOn("#nav-settings");
        GuiHarness.await("the form", () -> robot.lookup("#setting-PDS_PORT").tryQuery().isPresent(), b -> b);
        GuiHarness.onFx(() -> {
            robot.lookup("#setting-PDS_PORT").queryTextInputControl().setText("ninety");
            return null;
        });
        assertEquals("PDS_PORT must be a whole number, got \"ninety\"", robot.lookup("#settings-message").queryLabeled().getText());
        assertTrue(robot.lookup("#settings-save").query().isDisabled(), "nothing invalid is saved");
        GuiHarness.onFx(() -> {
            robot.lookup("#setting-PDS_PORT").queryTextInputControl().setText("");
            return null;
        });
        assertFalse(robot.lookup("#settings-save").query().isDisabled());
    }

    @Test
    void theLogsShowWarningsAndFilterByLevel(FxRobot robot) throws Exception {
        robot.clickOn("#nav-logs");
        Logger.getLogger("org.auroralocus.test.Probe").log(Level.WARNING, "the relay did not answer");
        Logger.getLogger("org.auroralocus.test.Probe").log(Level.INFO, "an ordinary line");
        @SuppressWarnings("unchecked")
        TableView<LogEntry> table = robot.lookup("#logs-table").queryAs(TableView.class);
        GuiHarness.await("the lines", () -> table.getItems().stream().filter(e -> e.logger().endsWith("Probe")).count(), n -> n == 2);
        GuiHarness.onFx(() -> {
            robot.lookup("#logs-level").queryComboBox().getSelectionModel().select(Level.WARNING);
            return null;
        });
        assertTrue(GuiHarness.onFx(() -> table.getItems().stream().allMatch(LogEntry::isProblem)));
        assertTrue(GuiHarness.onFx(() -> table.getItems().stream().anyMatch(e -> e.message().equals("the relay did not answer"))));
    }
}
