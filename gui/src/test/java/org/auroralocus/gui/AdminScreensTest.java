package org.auroralocus.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.auroralocus.gui.accounts.AccountRow;
import org.auroralocus.server.admin.InviteCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Accounts, takedowns and invites done in the GUI, checked over XRPC as a client sees them. */
@ExtendWith(ApplicationExtension.class)
class AdminScreensTest {
    @TempDir static Path dir;
    static GuiHarness harness;
    MainWindow window;

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
        window = new MainWindow(harness.gui);
        GuiHarness.show(stage, window.root());
    }

    private int login(String handle, String password) {
        return harness.pds().post("/xrpc/com.atproto.server.createSession",
                "{\"identifier\":\"" + handle + "\",\"password\":\"" + password + "\"}").status();
    }

    @Test
    void anAccountCreatedInTheGuiLogsInAndATakedownStopsItUntilReversed(FxRobot robot) throws Exception {
        robot.clickOn("#nav-accounts");
        TableView<AccountRow> table = robot.lookup("#accounts-table").queryAs(TableView.class);
        // the dialog is a plain TextField form; its command is what matters here
        GuiHarness.onFx(() -> {
            modelOf(robot).createAccount("frank.test", "frank@example.com", "a long password");
            return null;
        });
        GuiHarness.await("the new row", () -> table.getItems().stream().anyMatch(r -> r.handle().toString().equals("frank.test")), b -> b);
        assertEquals(200, login("frank.test", "a long password"), "the account made in the GUI signs in");

        GuiHarness.onFx(() -> {
            table.getSelectionModel().select(table.getItems().stream().filter(r -> r.handle().toString().equals("frank.test")).findFirst().orElseThrow());
            return null;
        });
        robot.clickOn("#account-takedown");
        GuiHarness.await("taken down", () -> table.getItems().stream().filter(r -> r.handle().toString().equals("frank.test"))
                .findFirst().orElseThrow().statusText(), s -> s.equals("Taken down"));
        var refused = harness.pds().post("/xrpc/com.atproto.server.createSession",
                "{\"identifier\":\"frank.test\",\"password\":\"a long password\"}");
        assertEquals(401, refused.status(), refused.text());
        assertEquals("AccountTakedown", refused.error());

        robot.clickOn("#nav-moderation");
        TableView<?> moderation = robot.lookup("#moderation-table").queryAs(TableView.class);
        GuiHarness.await("the takedown listed", () -> moderation.getItems().size(), n -> n == 1);
        GuiHarness.onFx(() -> {
            moderation.getSelectionModel().select(0);
            return null;
        });
        robot.clickOn("#moderation-restore");
        GuiHarness.await("the list emptied", () -> moderation.getItems().size(), n -> n == 0);
        assertEquals(200, login("frank.test", "a long password"), "the reversal restores sign-in");
    }

    @Test
    void aCreatedInviteCodeAppearsAndWorks(FxRobot robot) throws Exception {
        robot.clickOn("#nav-invites");
        robot.clickOn("#invite-create");
        TableView<InviteCode> table = robot.lookup("#invites-table").queryAs(TableView.class);
        InviteCode code = GuiHarness.await("the code", () -> table.getItems().stream().findFirst(), o -> o.isPresent()).orElseThrow();
        assertEquals("0 of 1", GuiHarness.onFx(() -> table.getColumns().get(1).getCellData(0)));
        var r = harness.pds().post("/xrpc/com.atproto.server.createAccount",
                "{\"handle\":\"grace.test\",\"email\":\"grace@example.com\",\"password\":\"a long password\",\"inviteCode\":\""
                        + code.code() + "\"}");
        assertEquals(200, r.status(), r.text());
        assertTrue(code.usable(), "it was usable when it was listed");
    }

    private static org.auroralocus.gui.accounts.AccountsViewModel modelOf(FxRobot robot) {
        return (org.auroralocus.gui.accounts.AccountsViewModel) robot.lookup("#accounts-table").query().getProperties().get("model");
    }
}
