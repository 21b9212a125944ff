package org.auroralocus.gui.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.gui.GuiContext;
import org.auroralocus.server.Services;
import org.auroralocus.server.account.Account;

/**
 * The accounts table: every account with its repository size, read in the background; the search
 * filters by handle, DID or e-mail as it is typed.
 */
public final class AccountsViewModel {
    static final int MOST = 5000;
    private final GuiContext gui;
    private final ObservableList<AccountRow> rows = FXCollections.observableArrayList();
    private final FilteredList<AccountRow> shown = new FilteredList<>(rows);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public AccountsViewModel(GuiContext gui) {
        this.gui = gui;
        search.addListener((o, a, b) -> refilter());
        gui.host().server().addListener((o, a, s) -> refresh());
    }

    public void refresh() {
        reload("");
    }

    /** Reads the table again; {@code then} is the message once it is read (what was just done, or nothing). */
    private void reload(String then) {
        Optional<Services> services = gui.host().server().get().map(s -> s.services());
        if (services.isEmpty()) {
            rows.clear();
            message.set("The server is not running. Start it on the Dashboard to manage accounts.");
            return;
        }
        busy.set(true);
        gui.tasks().run(() -> load(services.get()), list -> {
            busy.set(false);
            rows.setAll(list);
            message.set(then);
        }, err -> {
            busy.set(false);
            message.set("Could not read the accounts: " + err.getMessage());
        });
    }

    private static List<AccountRow> load(Services services) {
        List<AccountRow> found = new ArrayList<>();
        Optional<Did> after = Optional.empty();
        List<Account> page;
        do {
            page = services.accounts().list(after, 500);
            for (Account a : page) {
                found.add(new AccountRow(a.did(), a.handle(), a.email(), a.createdAt(), a.status(),
                        services.inspection().repositorySize(a.did())));
            }
            if (!page.isEmpty()) after = Optional.of(page.getLast().did());
        } while (page.size() == 500 && found.size() < MOST);
        return found;
    }

    private void refilter() {
        String q = search.get().strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(q.isEmpty() ? null : r -> r.handle().toString().contains(q) || r.did().toString().contains(q)
                || r.email().map(e -> e.contains(q)).orElse(false));
    }

    /** Runs an admin action in the background, then reads the table again; {@code done} says what happened. */
    void act(String doing, org.auroralocus.gui.TaskRunner.Checked action, String done) {
        busy.set(true);
        gui.tasks().run(action, () -> reload(done), err -> {
            busy.set(false);
            message.set("Could not " + doing + ": " + err.getMessage());
        });
    }

    /** Creates an account as an administrator (no invite code needed). */
    public void createAccount(String handle, String email, String password) {
        act("create the account", () -> admin().createAccount(org.auroralocus.atproto.syntax.Handle.parse(handle.strip()),
                email.isBlank() ? Optional.empty() : Optional.of(email.strip()), password, Optional.empty()), "Created " + handle + ".");
    }

    public void resetPassword(AccountRow row, String password) {
        act("change the password", () -> admin().updatePassword(row.did(), password), "New password set for " + row.handle() + ".");
    }

    public void changeHandle(AccountRow row, String handle) {
        act("change the handle", () -> admin().updateHandle(row.did(), org.auroralocus.atproto.syntax.Handle.parse(handle.strip())),
                row.handle() + " is now " + handle + ".");
    }

    /** Takes the account down (it can no longer sign in or be seen), or restores it. */
    public void toggleTakedown(AccountRow row) {
        if (row.status() == org.auroralocus.server.account.AccountStatus.TAKENDOWN) {
            act("restore the account", () -> admin().reverseAccountTakedown(row.did()), row.handle() + " is restored.");
        } else {
            act("take the account down", () -> admin().takedownAccount(row.did(), "desktop-" + gui.clock().millis()),
                    row.handle() + " is taken down.");
        }
    }

    public void toggleDeactivation(AccountRow row) {
        if (row.status() == org.auroralocus.server.account.AccountStatus.DEACTIVATED) {
            act("reactivate the account", () -> admin().activateAccount(row.did()), row.handle() + " is active again.");
        } else {
            act("deactivate the account", () -> admin().deactivateAccount(row.did()), row.handle() + " is deactivated.");
        }
    }

    public void delete(AccountRow row) {
        act("delete the account", () -> admin().deleteAccount(row.did()), row.handle() + " is deleted.");
    }

    private org.auroralocus.server.admin.AdminService admin() {
        return gui.host().server().get().orElseThrow(() -> new IllegalStateException("the server is not running"))
                .services().admin();
    }

    public ObservableList<AccountRow> shown() { return shown; }
    public StringProperty search() { return search; }
    public ReadOnlyBooleanProperty busy() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
    GuiContext gui() { return gui; }
}
