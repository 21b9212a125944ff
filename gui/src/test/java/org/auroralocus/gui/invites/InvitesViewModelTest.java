package org.auroralocus.gui.invites;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.gui.InlineTasks;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.admin.InviteCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain JUnit over a real server's admin service: no FX toolkit. */
class InvitesViewModelTest {
    @TempDir static Path dir;
    static TestPds pds;
    final List<String> copied = new ArrayList<>();

    @BeforeAll
    static void start() {
        pds = TestPds.start(dir.resolve("data"), Map.of());
    }

    @AfterAll
    static void stop() {
        pds.close();
    }

    private InvitesViewModel model() {
        return new InvitesViewModel(new InlineTasks(), () -> Optional.of(pds.server().services().admin()),
                did -> pds.server().services().inspection().handle(did), copied::add);
    }

    private static InviteCode find(InvitesViewModel model, String code) {
        return model.codes().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aCreatedCodeIsListedCopiedAndSignsSomeoneUpByHandle() {
        InvitesViewModel model = model();
        model.create(2);
        String code = copied.getLast();
        assertEquals("Created " + code + " (copied to the clipboard).", model.message().get());
        assertEquals("0 of 2", InvitesViewModel.used(find(model, code)));
        assertEquals("Usable", InvitesViewModel.status(find(model, code)));

        var r = pds.post("/xrpc/com.atproto.server.createAccount",
                "{\"handle\":\"nora.test\",\"email\":\"nora@example.com\",\"password\":\"a long password\",\"inviteCode\":\"" + code + "\"}");
        assertEquals(200, r.status(), r.text());
        model.refresh();
        assertEquals("1 of 2", InvitesViewModel.used(find(model, code)));
        assertEquals("nora.test", model.usedBy(find(model, code)), "who used it, by handle");
    }

    @Test
    void aDisabledCodeSaysSo() {
        InvitesViewModel model = model();
        model.create(1);
        String code = copied.getLast();
        model.disable(find(model, code));
        assertEquals("Disabled", InvitesViewModel.status(find(model, code)));
        assertEquals("Disabled " + code + ".", model.message().get());
    }

    @Test
    void aStoppedServerEmptiesTheListAndSaysSo() {
        InvitesViewModel model = new InvitesViewModel(new InlineTasks(), Optional::empty, did -> Optional.empty(), copied::add);
        model.refresh();
        assertEquals(List.of(), model.codes());
        assertEquals("The server is not running.", model.message().get());
    }
}
