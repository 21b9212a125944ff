package org.auroralocus.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.AtUri;
import javafx.scene.control.TableView;
import org.auroralocus.gui.setup.SetupView;
import org.auroralocus.gui.setup.SetupViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Renders every screen with sample data at 1280x800 into {@code target/screenshots/}, the pictures
 * a person reviews for clipping, alignment and wording; it also checks each screen shows its data.
 */
class ScreenshotsTest extends MainWindowTest {
    /** A relay on a closed loopback port: the crawl requests fail at once, and nothing leaves this computer. */
    @Override Map<String, String> settings() {
        return Map.of("PDS_CRAWLERS", "http://127.0.0.1:9");
    }

    @BeforeAll
    void sampleData() {
        var pds = harness.pds();
        var alice = SampleData.account(pds, "alice");
        var bob = SampleData.account(pds, "bob");
        var carol = SampleData.account(pds, "carol");
        SampleData.post(pds, alice, "Hello from my own server!");
        SampleData.imagePost(pds, alice, SampleData.picture(new Color(0x7fb2f0), new Color(0xf6d8a8), new Color(0x3c7a3c)), "a hill at noon");
        var sunset = SampleData.upload(pds, bob, SampleData.picture(new Color(0x1d2a5a), new Color(0xe86f4f), new Color(0x2b2b3a)));
        SampleData.imagePost(pds, bob, sunset, "sunset");
        SampleData.imagePost(pds, carol, SampleData.picture(new Color(0xb8e1f5), new Color(0xffffff), new Color(0x9bc3a0)), "winter");
        SampleData.follow(pds, bob, alice);
        SampleData.follow(pds, carol, alice);
        var spam = SampleData.postRef(pds, bob, "Buy followers now, cheap!");
        SampleData.post(pds, bob, "Testing the firehose view");
        // one takedown of each kind, so the Moderation screen shows its table
        var admin = pds.server().services().admin();
        admin.takedownAccount(carol.did(), "report-1041");
        admin.takedownRecord(AtUri.parse(spam.get("uri").asText()), Cid.parse(spam.get("cid").asText()), "report-1042");
        admin.takedownBlob(bob.did(), Cid.parse(sunset.get("ref").get("$link").asText()), "report-1043");
    }

    private void screen(FxRobot robot, String nav, String file, java.util.concurrent.Callable<Boolean> ready) throws Exception {
        robot.clickOn("#nav-" + nav);
        GuiHarness.await(file + " with its data", ready, b -> b);
        shoot(file);
    }

    private void shoot(String file) throws Exception {
        Path written = GuiHarness.onFx(() -> Screenshots.write(scene, file));
        assertTrue(Files.size(written) > 10_000, "a picture of a screen, not an empty image: " + written);
    }

    @Test
    void everyScreenRendersWithSampleData(FxRobot robot) throws Exception {
        screen(robot, "dashboard", "02-dashboard", () -> !robot.lookup("#figure-accounts").queryLabeled().getText().equals("—")
                && !robot.lookup("#recent-errors").queryListView().getItems().isEmpty());
        assertEquals("3", GuiHarness.onFx(() -> robot.lookup("#figure-accounts").queryLabeled().getText()));

        screen(robot, "accounts", "03-accounts", () -> robot.lookup("#accounts-table").queryAs(TableView.class).getItems().size() == 3);
        GuiHarness.onFx(() -> {
            TableView<?> t = robot.lookup("#accounts-table").queryAs(TableView.class);
            t.getSelectionModel().select(0);
            return null;
        });
        robot.clickOn("#account-open");
        GuiHarness.await("the record JSON", () -> robot.lookup("#browser-json").queryAs(javafx.scene.control.TextArea.class)
                .getText().contains("$type"), b -> b);
        shoot("04-account-records");
        robot.clickOn("#browser-back");

        robot.clickOn("#nav-invites");
        robot.clickOn("#invite-create");
        screen(robot, "invites", "05-invites", () -> robot.lookup("#invites-table").queryAs(TableView.class).getItems().size() == 1);
        screen(robot, "moderation", "08-moderation", () -> robot.lookup("#moderation-table").queryAs(TableView.class).getItems().size() == 3);
        screen(robot, "blobs", "06-blobs", () -> robot.lookup("#blobs-grid").queryAs(javafx.scene.layout.TilePane.class)
                .getChildren().size() == 3);
        SampleData.post(harness.pds(), SampleData.account(harness.pds(), "dave"), "A post while the firehose is open");
        screen(robot, "firehose", "07-firehose", () -> robot.lookup("#firehose-table").queryAs(TableView.class).getItems().size() > 0);
        GuiHarness.await("events", () -> robot.lookup("#firehose-table").queryAs(TableView.class).getItems().size(), n -> n > 0);
        GuiHarness.onFx(() -> {
            TableView<?> t = robot.lookup("#firehose-table").queryAs(TableView.class);
            t.getSelectionModel().selectLast();
            return null;
        });
        GuiHarness.await("detail", () -> robot.lookup("#firehose-detail").queryAs(javafx.scene.control.TextArea.class)
                .getText().contains("seq"), b -> b);
        shoot("07-firehose");
        screen(robot, "settings", "09-settings", () -> robot.lookup("#setting-PDS_PORT").tryQuery().isPresent());
        screen(robot, "logs", "10-logs", () -> robot.lookup("#logs-table").queryAs(TableView.class).getItems().size() > 3);
    }

    @Test
    void theSetupWizardRenders(FxRobot robot) throws Exception {
        Path home = dir.resolve("wizard-home");
        SetupViewModel model = GuiHarness.onFx(() -> new SetupViewModel(harness.tasks, GuiHarness.loader(home)));
        GuiHarness.onFx(() -> {
            scene.setRoot((javafx.scene.Parent) new SetupView(model, () -> {}).node());
            return null;
        });
        shoot("01-setup-welcome");
        GuiHarness.onFx(() -> {
            model.localTrial().set(false);
            model.next();
            model.hostname().set("pds.example.com");
            return null;
        });
        shoot("01-setup-address");
        GuiHarness.onFx(() -> {
            model.hostname().set("https://pds.example.com/");
            model.next();
            return null;
        });
        shoot("01-setup-address-problem");
        GuiHarness.onFx(() -> {
            model.hostname().set("pds.example.com");
            model.next();
            model.next();
            return null;
        });
        shoot("01-setup-password");
        GuiHarness.onFx(() -> {
            model.next();
            model.next();
            return null;
        });
        shoot("01-setup-finish");
    }
}
