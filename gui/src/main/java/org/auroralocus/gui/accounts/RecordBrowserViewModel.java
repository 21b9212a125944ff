package org.auroralocus.gui.accounts;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.gui.GuiContext;
import org.auroralocus.server.inspect.BlobInfo;
import org.auroralocus.server.inspect.RecordJson;

/** One account opened: its collections, the records of the chosen one (newest first), the chosen record as JSON, its blobs. */
public final class RecordBrowserViewModel {
    static final int PAGE = 100;
    private final GuiContext gui;
    private final Did did;
    private final ObservableList<Nsid> collections = FXCollections.observableArrayList();
    private final ObservableList<RecordJson> records = FXCollections.observableArrayList();
    private final ObservableList<BlobInfo> blobs = FXCollections.observableArrayList();
    private final ObjectProperty<Nsid> collection = new SimpleObjectProperty<>();
    private final ObjectProperty<RecordJson> record = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper json = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public RecordBrowserViewModel(GuiContext gui, Did did) {
        this.gui = gui;
        this.did = did;
        collection.addListener((o, a, c) -> loadRecords());
        record.addListener((o, a, r) -> json.set(r == null ? "" : r.json()));
    }

    public void load() {
        gui.host().server().get().ifPresentOrElse(server -> {
            var inspection = server.services().inspection();
            gui.tasks().run(() -> new Loaded(inspection.collections(did), inspection.blobs(Optional.of(did), 500)), l -> {
                collections.setAll(l.collections());
                blobs.setAll(l.blobs());
                if (!l.collections().isEmpty()) collection.set(l.collections().getFirst());
            }, err -> message.set("Could not read the repository: " + err.getMessage()));
        }, () -> message.set("The server is not running."));
    }

    private record Loaded(List<Nsid> collections, List<BlobInfo> blobs) {}

    private void loadRecords() {
        Nsid c = collection.get();
        records.clear();
        if (c == null) return;
        gui.host().server().get().ifPresent(server -> gui.tasks().run(
                () -> server.services().inspection().records(did, c, Optional.empty(), PAGE),
                page -> {
                    records.setAll(page);
                    if (!page.isEmpty()) record.set(page.getFirst());
                },
                err -> message.set("Could not read " + c + ": " + err.getMessage())));
    }

    public Did did() { return did; }
    public ObservableList<Nsid> collections() { return collections; }
    public ObservableList<RecordJson> records() { return records; }
    public ObservableList<BlobInfo> blobs() { return blobs; }
    public ObjectProperty<Nsid> collection() { return collection; }
    public ObjectProperty<RecordJson> record() { return record; }
    public ReadOnlyStringProperty json() { return json.getReadOnlyProperty(); }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
}
