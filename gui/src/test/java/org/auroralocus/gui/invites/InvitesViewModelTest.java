package org.auroralocus.gui.invites;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.auroralocus.gui.AdminServer;
import org.auroralocus.gui.InlineTasks;
import org.auroralocus.server.admin.InviteCode;
import org.junit.jupiter.api.Test;

/** Plain JUnit over a real server's admin service: no FX toolkit. */
class InvitesViewModelTest extends AdminServer {
    final List<String> copied = new ArrayList<>();

    private InvitesViewModel model() {
        return new InvitesViewModel(new InlineTasks(), AdminServer::admin, AdminServer::handle, copied::add);
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
