package org.auroralocus.gui.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.gui.InlineTasks;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestPds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain JUnit over a real server's admin service: no FX toolkit. */
class ModerationViewModelTest {
    @TempDir static Path dir;
    static TestPds pds;

    @BeforeAll
    static void start() {
        pds = TestPds.start(dir.resolve("data"), Map.of());
    }

    @AfterAll
    static void stop() {
        pds.close();
    }

    private ModerationViewModel model() {
        return new ModerationViewModel(new InlineTasks(), () -> Optional.of(pds.server().services().admin()),
                did -> pds.server().services().inspection().handle(did));
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
