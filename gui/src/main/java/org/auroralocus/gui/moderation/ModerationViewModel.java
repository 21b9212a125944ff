package org.auroralocus.gui.moderation;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.gui.TaskRunner;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.admin.Subject;
import org.auroralocus.server.admin.TakenDownSubject;

/**
 * What is taken down (accounts, records, blobs), read from the admin service in the background, and
 * the command that restores one. The admin service is asked for each time: it exists only while the
 * server runs.
 */
public final class ModerationViewModel {
    private final TaskRunner tasks;
    private final Supplier<Optional<AdminService>> admin;
    private final Function<Did, Optional<Handle>> handles;
    private final ObservableList<TakenDownSubject> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** @param handles the handle of an account, for the Account column (may read the disk) */
    public ModerationViewModel(TaskRunner tasks, Supplier<Optional<AdminService>> admin, Function<Did, Optional<Handle>> handles) {
        this.tasks = tasks;
        this.admin = admin;
        this.handles = handles;
    }

    public void refresh() {
        Optional<AdminService> service = admin.get();
        if (service.isEmpty()) {
            rows.clear();
            message.set("The server is not running.");
            return;
        }
        tasks.run(service.get()::takenDown, (List<TakenDownSubject> found) -> rows.setAll(found),
                err -> message.set("Could not read the takedowns: " + err.getMessage()));
    }

    /** Lifts the takedown: the account signs in again, the record or blob is served again. */
    public void restore(TakenDownSubject t) {
        admin.get().ifPresent(a -> tasks.run(() -> {
            switch (t.subject()) {
                case Subject.Account x -> a.reverseAccountTakedown(x.did());
                case Subject.Record r -> a.reverseRecordTakedown(r.uri());
                case Subject.Blob b -> a.reverseBlobTakedown(b.did(), b.cid());
            }
        }, () -> {
            message.set("Restored.");
            refresh();
        }, err -> message.set("Could not restore it: " + err.getMessage())));
    }

    static String kind(TakenDownSubject t) {
        return switch (t.subject()) {
            case Subject.Account a -> "Account";
            case Subject.Record r -> "Record";
            case Subject.Blob b -> "Blob";
        };
    }

    /** What exactly is hidden: the DID, the record's AT URI or the blob's CID. */
    static String what(TakenDownSubject t) {
        return switch (t.subject()) {
            case Subject.Account a -> a.did().toString();
            case Subject.Record r -> r.uri().toString();
            case Subject.Blob b -> b.cid().toString();
        };
    }

    /** The account it belongs to, by handle where it still has one. */
    String account(TakenDownSubject t) {
        Did did = t.subject().did();
        return handles.apply(did).map(Object::toString).orElse(did.toString());
    }

    public ObservableList<TakenDownSubject> rows() { return rows; }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
}
