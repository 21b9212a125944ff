package org.auroralocus.gui.invites;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.gui.TaskRunner;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.admin.InviteCode;

/**
 * The invite codes (the newest {@link #MOST}), and the commands that create and disable them. A new
 * code goes to the clipboard at once: the next thing anyone does with it is send it to someone.
 */
public final class InvitesViewModel {
    static final int MOST = 500;
    private final TaskRunner tasks;
    private final Supplier<Optional<AdminService>> admin;
    private final Function<Did, Optional<Handle>> handles;
    private final Consumer<String> clipboard;
    private final ObservableList<InviteCode> codes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public InvitesViewModel(TaskRunner tasks, Supplier<Optional<AdminService>> admin, Function<Did, Optional<Handle>> handles,
                            Consumer<String> clipboard) {
        this.tasks = tasks;
        this.admin = admin;
        this.handles = handles;
        this.clipboard = clipboard;
    }

    public void refresh() {
        Optional<AdminService> service = admin.get();
        if (service.isEmpty()) {
            codes.clear();
            message.set("The server is not running.");
            return;
        }
        tasks.run(() -> service.get().inviteCodes(Optional.empty(), MOST).codes(), (List<InviteCode> found) -> codes.setAll(found),
                err -> message.set("Could not read the invite codes: " + err.getMessage()));
    }

    /** Creates one code good for {@code uses} sign-ups and copies it. */
    public void create(int uses) {
        change(a -> a.createInviteCodes(1, uses, Optional.empty()), made -> {
            clipboard.accept(made.getFirst().code());
            message.set("Created " + made.getFirst().code() + " (copied to the clipboard).");
        });
    }

    public void disable(InviteCode code) {
        change(a -> {
            a.disableInviteCodes(List.of(code.code()), List.of());
            return List.of();
        }, none -> message.set("Disabled " + code.code() + "."));
    }

    private void change(Function<AdminService, List<InviteCode>> command, Consumer<List<InviteCode>> done) {
        admin.get().ifPresent(a -> tasks.run(() -> command.apply(a), made -> {
            done.accept(made);
            refresh();
        }, err -> message.set("Could not change the invite codes: " + err.getMessage())));
    }

    static String used(InviteCode c) {
        return c.uses().size() + " of " + c.available();
    }

    static String status(InviteCode c) {
        return c.disabled() ? "Disabled" : c.usable() ? "Usable" : "Used up";
    }

    /** Who signed up with it, by handle where the account has one. */
    String usedBy(InviteCode c) {
        if (c.uses().isEmpty()) return "—";
        return c.uses().stream().map(u -> handles.apply(u.usedBy()).map(Object::toString).orElse(u.usedBy().toString()))
                .collect(Collectors.joining(", "));
    }

    public ObservableList<InviteCode> codes() { return codes; }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
}
