package org.auroralocus.gui.blobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auroralocus.gui.GuiContext;
import org.auroralocus.server.PdsServer;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.inspect.BlobInfo;

/** The blobs of one account or of all, read in the background with the bytes of image thumbnails. */
public final class BlobsViewModel {
    static final int SHOWN = 200;
    static final int THUMBNAIL_BYTES = 3 * 1024 * 1024;

    private final GuiContext gui;
    private final ObservableList<BlobTile> tiles = FXCollections.observableArrayList();
    private final ObservableList<OwnerChoice> owners = FXCollections.observableArrayList(OwnerChoice.EVERYONE);
    private final ObjectProperty<OwnerChoice> owner = new SimpleObjectProperty<>(OwnerChoice.EVERYONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public BlobsViewModel(GuiContext gui) {
        this.gui = gui;
        owner.addListener((o, a, b) -> {
            if (b != null) refresh();
        });
        gui.host().server().addListener((o, a, s) -> refresh());
    }

    public void refresh() {
        Optional<PdsServer> server = gui.host().server().get();
        if (server.isEmpty()) {
            tiles.clear();
            message.set("The server is not running. Start it on the Dashboard to see its blobs.");
            return;
        }
        busy.set(true);
        var services = server.get().services();
        Optional<org.auroralocus.atproto.syntax.Did> who = owner.get() == null ? Optional.empty() : owner.get().did();
        gui.tasks().run(() -> {
            List<Account> accounts = services.accounts().list(Optional.empty(), 1000);
            List<BlobTile> found = new ArrayList<>();
            for (BlobInfo b : services.inspection().blobs(who, SHOWN)) {
                Optional<byte[]> bytes = b.isImage() && b.size() <= THUMBNAIL_BYTES && !b.pending()
                        ? services.inspection().blobBytes(b.owner(), b.cid(), THUMBNAIL_BYTES)
                        : Optional.empty();
                found.add(new BlobTile(b, bytes));
            }
            return new Loaded(accounts, found);
        }, loaded -> {
            busy.set(false);
            OwnerChoice chosen = owner.get();
            List<OwnerChoice> choices = new ArrayList<>(List.of(OwnerChoice.EVERYONE));
            loaded.accounts().forEach(a -> choices.add(new OwnerChoice(Optional.of(a.did()), a.handle().toString())));
            if (!owners.equals(choices)) {
                owners.setAll(choices);
                owner.set(choices.stream().filter(c -> c.equals(chosen)).findFirst().orElse(OwnerChoice.EVERYONE));
            }
            tiles.setAll(loaded.tiles());
            message.set(loaded.tiles().isEmpty() ? "" : loaded.tiles().size() + (loaded.tiles().size() == SHOWN ? "+ " : " ")
                    + (loaded.tiles().size() == 1 ? "blob" : "blobs"));
        }, err -> {
            busy.set(false);
            message.set("Could not read the blobs: " + err.getMessage());
        });
    }

    private record Loaded(List<Account> accounts, List<BlobTile> tiles) {}

    public ObservableList<BlobTile> tiles() { return tiles; }
    public ObservableList<OwnerChoice> owners() { return owners; }
    public ObjectProperty<OwnerChoice> owner() { return owner; }
    public ReadOnlyBooleanProperty busy() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
}
