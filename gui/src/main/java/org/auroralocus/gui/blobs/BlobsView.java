package org.auroralocus.gui.blobs;

import java.io.ByteArrayInputStream;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.auroralocus.gui.Controls;
import org.auroralocus.gui.GuiContext;
import org.auroralocus.server.inspect.BlobInfo;

/** The Blobs screen: a grid of thumbnails. */
public final class BlobsView {
    static final double THUMB = 168;
    private final BlobsViewModel model;
    private final BorderPane root = new BorderPane();
    private final TilePane grid = new TilePane();
    private final StackPane center = new StackPane();
    private Consumer<BlobInfo> takedown = b -> {};

    public BlobsView(GuiContext gui) {
        model = new BlobsViewModel(gui);
        ComboBox<OwnerChoice> owner = new ComboBox<>(model.owners());
        owner.setId("blobs-owner");
        owner.valueProperty().bindBidirectional(model.owner());
        owner.setPrefWidth(220);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.busy());
        Label count = new Label();
        count.getStyleClass().add("hint");
        count.textProperty().bind(model.message());
        root.setTop(Controls.header("Blobs", "Images and other files that accounts uploaded with their posts and profiles.",
                busy, new Label("Account"), owner, Controls.button("Refresh", model::refresh)));

        grid.setId("blobs-grid");
        grid.setHgap(14);
        grid.setVgap(14);
        grid.setPrefColumns(5);
        grid.setTileAlignment(Pos.TOP_LEFT);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("grid-scroll");
        Node empty = Controls.placeholder("No blobs yet",
                "When someone posts a picture or sets an avatar, the file appears here.");
        empty.setId("blobs-empty");
        center.getChildren().setAll(scroll, empty);
        model.tiles().addListener((ListChangeListener<BlobTile>) c -> rebuild(empty));
        rebuild(empty);
        VBox body = new VBox(10, count, center);
        VBox.setVgrow(center, Priority.ALWAYS);
        body.getStyleClass().add("screen-body");
        root.setCenter(body);
        root.getStyleClass().add("screen");
        model.refresh();
    }

    /** What the "Take down" button of a tile does (the admin service provides it). */
    public void onTakedown(Consumer<BlobInfo> action) {
        this.takedown = action;
        rebuild(center.getChildren().get(1));
    }

    private void rebuild(Node empty) {
        grid.getChildren().setAll(model.tiles().stream().map(this::tile).toList());
        empty.setVisible(model.tiles().isEmpty());
    }

    private Node tile(BlobTile t) {
        BlobInfo b = t.info();
        StackPane picture = new StackPane();
        picture.getStyleClass().add("thumb");
        picture.setPrefSize(THUMB, THUMB);
        picture.setMinSize(THUMB, THUMB);
        picture.setMaxSize(THUMB, THUMB);
        if (t.image().isPresent()) {
            ImageView view = new ImageView(new Image(new ByteArrayInputStream(t.image().get()), THUMB, THUMB, true, true));
            picture.getChildren().add(view);
        } else {
            Label kind = new Label(b.mimeType().substring(b.mimeType().indexOf('/') + 1).toUpperCase(java.util.Locale.ROOT));
            kind.getStyleClass().add("thumb-kind");
            picture.getChildren().add(kind);
        }
        if (b.takedownRef().isPresent()) {
            Label down = new Label("Taken down");
            down.getStyleClass().add("badge-danger");
            StackPane.setAlignment(down, Pos.TOP_LEFT);
            picture.getChildren().add(down);
        }
        Label info = new Label(Controls.bytes(b.size()) + " · " + b.mimeType());
        info.getStyleClass().add("tile-text");
        Label who = new Label(b.ownerHandle().map(Object::toString).orElse(b.owner().toString()));
        who.getStyleClass().add("tile-owner");
        who.setMaxWidth(THUMB);
        String uses = b.pending() ? "Not used by a record yet"
                : b.referencedBy().size() == 1 ? "Used by 1 record" : "Used by " + b.referencedBy().size() + " records";
        Label used = new Label(uses);
        used.getStyleClass().add("tile-text");
        if (!b.referencedBy().isEmpty()) used.setTooltip(new Tooltip(String.join("\n", b.referencedBy())));
        var takedownButton = Controls.button(b.takedownRef().isPresent() ? "Restore" : "Take down", () -> takedown.accept(b));
        takedownButton.getStyleClass().add("small");
        HBox actions = new HBox(takedownButton);
        VBox box = new VBox(6, picture, who, info, used, actions);
        box.getStyleClass().add("tile");
        box.setUserData(b);
        Tooltip.install(box, new Tooltip(b.cid().toString()));
        return box;
    }

    public Node node() {
        return root;
    }

    public BlobsViewModel model() {
        return model;
    }
}
