package org.auroralocus.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.gui.accounts.AccountRow;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.admin.InviteCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Accounts, takedowns and invites done in the GUI, its dialogs answered by clicks, checked over XRPC as a client sees them. */
class AdminScreensTest extends MainWindowTest {
    private int login(String handle, String password) {
        return harness.pds().post("/xrpc/com.atproto.server.createSession",
                "{\"identifier\":\"" + handle + "\",\"password\":\"" + password + "\"}").status();
    }

    @SuppressWarnings("unchecked")
    private static TableView<AccountRow> accounts(FxRobot robot) {
        return robot.lookup("#accounts-table").queryAs(TableView.class);
    }

    /** Opens the Accounts screen, reads it again and selects the account. */
    private static void select(FxRobot robot, Did did) throws Exception {
        robot.clickOn("#nav-accounts");
        robot.clickOn("Refresh");
        TableView<AccountRow> table = accounts(robot);
        AccountRow row = GuiHarness.await("the row of " + did, () -> table.getItems().stream()
                .filter(r -> r.did().equals(did)).findFirst(), o -> o.isPresent()).orElseThrow();
        GuiHarness.onFx(() -> {
            table.getSelectionModel().select(row);
            return null;
        });
    }

    /** A button of the dialog open over the window (a dialog is its own window). */
    private Button dialogButton(FxRobot robot, String text) throws Exception {
        return GuiHarness.await("the dialog's " + text + " button", () -> robot.lookup((Node n) -> n instanceof Button b
                && b.getText().equals(text) && b.getScene() != scene).tryQuery(), o -> o.isPresent()).map(Button.class::cast).orElseThrow();
    }

    /** Types {@code text} into the open text dialog (set on the FX thread: robot typing is slow) and presses OK. */
    private void answer(FxRobot robot, String text) throws Exception {
        Button ok = dialogButton(robot, "OK");
        GuiHarness.onFx(() -> {
            TextField field = (TextField) ok.getScene().getRoot().lookup(".text-field");
            field.setText(text);
            return null;
        });
        robot.clickOn(ok);
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#accounts-message").queryLabeled().getText();
    }

    @Test
    void aPasswordResetInTheDialogIsTheOneThatSignsIn(FxRobot robot) throws Exception {
        var ivy = TestAccounts.signUp(harness.pds(), "ivy", "the old password");
        select(robot, ivy.did());
        robot.clickOn("#account-password");
        answer(robot, "a brand new password");
        GuiHarness.await("the change", () -> message(robot), m -> m.startsWith("New password set"));
        assertEquals(200, login(ivy.handle(), "a brand new password"));
        assertEquals(401, login(ivy.handle(), "the old password"), "the old password no longer works");
    }

    @Test
    void aHandleChangedInTheDialogResolvesOverXrpc(FxRobot robot) throws Exception {
        var jack = TestAccounts.signUp(harness.pds(), "jack", "correct horse battery");
        select(robot, jack.did());
        robot.clickOn("#account-handle");
        answer(robot, "jackson.test");
        GuiHarness.await("the new handle in the table", () -> accounts(robot).getItems().stream()
                .anyMatch(r -> r.handle().toString().equals("jackson.test")), b -> b);
        var r = harness.pds().get("/xrpc/com.atproto.identity.resolveHandle?handle=jackson.test");
        assertEquals(200, r.status(), r.text());
        assertEquals(jack.did().toString(), r.json().get("did").asText());
    }

    @Test
    void aConfirmedDeleteRemovesTheAccountAndItsSignIn(FxRobot robot) throws Exception {
        var kim = TestAccounts.signUp(harness.pds(), "kim", "correct horse battery");
        assertEquals(200, login(kim.handle(), "correct horse battery"));
        select(robot, kim.did());
        robot.clickOn("#account-delete");
        robot.clickOn(dialogButton(robot, "OK"));
        GuiHarness.await("the row gone", () -> accounts(robot).getItems().stream().anyMatch(r -> r.did().equals(kim.did())), b -> !b);
        assertEquals(401, login(kim.handle(), "correct horse battery"), "a deleted account cannot sign in");
    }

    @Test
    void aCancelledDeleteKeepsTheAccount(FxRobot robot) throws Exception {
        var lee = TestAccounts.signUp(harness.pds(), "lee", "correct horse battery");
        select(robot, lee.did());
        robot.clickOn("#account-delete");
        robot.clickOn(dialogButton(robot, "Cancel"));
        assertEquals(200, login(lee.handle(), "correct horse battery"));
        assertTrue(GuiHarness.onFx(() -> accounts(robot).getItems().stream().anyMatch(r -> r.did().equals(lee.did()))));
    }

    @Test
    void anAccountCreatedInTheGuiLogsInAndATakedownStopsItUntilReversed(FxRobot robot) throws Exception {
        robot.clickOn("#nav-accounts");
        TableView<AccountRow> table = accounts(robot);
        // the create dialog is a plain TextField form; its command is what matters here
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
        robot.clickOn("Refresh");
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
        @SuppressWarnings("unchecked")
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
