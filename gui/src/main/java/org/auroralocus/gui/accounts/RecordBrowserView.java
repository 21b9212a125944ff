package org.auroralocus.gui.accounts;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.gui.Controls;
import org.auroralocus.server.inspect.BlobInfo;
import org.auroralocus.server.inspect.RecordJson;

/** An account's repository: collections, records and the chosen record's JSON; and a tab of its blobs. */
public final class RecordBrowserView {
    private final RecordBrowserViewModel model;
    private final TabPane root;

    public RecordBrowserView(RecordBrowserViewModel model) {
        this.model = model;
        ListView<Nsid> collections = new ListView<>(model.collections());
        collections.setId("browser-collections");
        collections.setPlaceholder(Controls.placeholder("No records", "This account has not posted anything yet."));
        collections.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null) model.collection().set(c);
        });
        model.collection().addListener((o, a, c) -> collections.getSelectionModel().select(c));
        ListView<RecordJson> records = new ListView<>(model.records());
        records.setId("browser-records");
        records.setPlaceholder(Controls.placeholder("Nothing here", "Choose a collection on the left."));
        records.setCellFactory(l -> new ListCell<>() {
            @Override protected void updateItem(RecordJson r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.uri().rkey().map(Object::toString).orElse(r.uri().toString()));
            }
        });
        records.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) model.record().set(r);
        });
        model.record().addListener((o, a, r) -> records.getSelectionModel().select(r));
        TextArea json = new TextArea();
        json.setId("browser-json");
        json.setEditable(false);
        json.setWrapText(true);
        json.getStyleClass().add("code");
        json.textProperty().bind(model.json());
        SplitPane split = new SplitPane(titled("Collections", collections), titled("Records", records), titled("Record (JSON)", json));
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.27, 0.5);

        TableView<BlobInfo> blobs = new TableView<>(model.blobs());
        blobs.setId("browser-blobs");
        blobs.getColumns().add(Controls.column("CID", 420, b -> b.cid().toString()));
        blobs.getColumns().add(Controls.column("Type", 110, BlobInfo::mimeType));
        blobs.getColumns().add(Controls.column("Size", 90, b -> Controls.bytes(b.size())));
        blobs.getColumns().add(Controls.column("Used by", 300, b -> b.referencedBy().isEmpty() ? "—" : String.join(", ", b.referencedBy())));
        blobs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        blobs.setPlaceholder(Controls.placeholder("No blobs", "This account has not uploaded pictures or files."));
        Tab recordsTab = new Tab("Records", split);
        Tab blobsTab = new Tab("Blobs", blobs);
        root = new TabPane(recordsTab, blobsTab);
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setId("record-browser");
        model.load();
    }

    private static Node titled(String title, Node content) {
        Label l = new Label(title);
        l.getStyleClass().add("pane-title");
        VBox box = new VBox(6, l, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.getStyleClass().add("pane");
        return box;
    }

    public Node node() {
        return root;
    }
}
