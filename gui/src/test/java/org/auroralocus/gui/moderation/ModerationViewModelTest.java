package org.auroralocus.gui.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.auroralocus.gui.AdminServer;
import org.auroralocus.gui.InlineTasks;
import org.auroralocus.server.TestAccounts;
import org.junit.jupiter.api.Test;

/** Plain JUnit over a real server's admin service: no FX toolkit. */
class ModerationViewModelTest extends AdminServer {

    private ModerationViewModel model() {
        return new ModerationViewModel(new InlineTasks(), AdminServer::admin, AdminServer::handle);
    }

    @Test
    void aTakenDownAccountIsListedByHandleAndRestoringItLetsItSignInAgain() {
        var mia = TestAccounts.signUp(pds, "mia", "correct horse battery");
        pds.server().services().admin().takedownAccount(mia.did(), "report-7");
        ModerationViewModel model = model();
        model.refresh();
        var row = model.rows().stream().filter(t -> t.subject().did().equals(mia.did())).findFirst().orElseThrow();
        assertEquals("Account", ModerationViewModel.kind(row));
        assertEquals(mia.did().toString(), ModerationViewModel.what(row));
        assertEquals("report-7", row.reference());
        assertEquals(401, pds.post("/xrpc/com.atproto.server.createSession",
                "{\"identifier\":\"" + mia.handle() + "\",\"password\":\"correct horse battery\"}").status());

        model.restore(row);
        assertEquals("Restored.", model.message().get());
        assertTrue(model.rows().stream().noneMatch(t -> t.subject().did().equals(mia.did())), "gone from the list");
        assertEquals(200, pds.post("/xrpc/com.atproto.server.createSession",
                "{\"identifier\":\"" + mia.handle() + "\",\"password\":\"correct horse battery\"}").status());
    }

    @Test
    void aStoppedServerEmptiesTheListAndSaysSo() {
        ModerationViewModel model = new ModerationViewModel(new InlineTasks(), Optional::empty, did -> Optional.empty());
        model.refresh();
        assertTrue(model.rows().isEmpty());
        assertEquals("The server is not running.", model.message().get());
    }
}
