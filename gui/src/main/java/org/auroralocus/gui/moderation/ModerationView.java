package org.auroralocus.gui.moderation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.auroralocus.gui.Controls;
import org.auroralocus.gui.GuiContext;
import org.auroralocus.server.admin.Subject;
import org.auroralocus.server.admin.TakenDownSubject;

/** The Moderation screen. */
public final class ModerationView {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final GuiContext gui;
    private final ObservableList<TakenDownSubject> rows = FXCollections.observableArrayList();
    private final Label message = new Label();
    private final BorderPane root = new BorderPane();

    public ModerationView(GuiContext gui) {
        this.gui = gui;
        TableView<TakenDownSubject> table = new TableView<>(rows);
        table.setId("moderation-table");
        table.getColumns().add(Controls.column("Kind", 90, t -> switch (t.subject()) {
            case Subject.Account a -> "Account";
            case Subject.Record r -> "Record";
            case Subject.Blob b -> "Blob";
        }));
        table.getColumns().add(Controls.column("Account", 180, t -> gui.host().server().get()
                .flatMap(s -> s.services().inspection().handle(t.subject().did())).map(Object::toString).orElse(t.subject().did().toString())));
        table.getColumns().add(Controls.column("What", 380, t -> switch (t.subject()) {
            case Subject.Account a -> a.did().toString();
            case Subject.Record r -> r.uri().toString();
            case Subject.Blob b -> b.cid().toString();
        }));
        table.getColumns().add(Controls.column("Reference", 150, TakenDownSubject::reference));
        table.getColumns().add(Controls.column("Since", 130, t -> DATE.format(t.at())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Controls.placeholder("Nothing is taken down",
                "Accounts and blobs you take down on the Accounts and Blobs screens are listed here, to be restored."));
        Button reverse = Controls.button("Restore", () -> reverse(table.getSelectionModel().getSelectedItem()));
        reverse.setId("moderation-restore");
        reverse.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        message.getStyleClass().add("hint");
        HBox bar = new HBox(8, reverse, Controls.spacer(), message);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox body = new VBox(10, bar, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        body.getStyleClass().add("screen-body");
        root.setTop(Controls.header("Moderation", "What is hidden from the network, and why.", Controls.button("Refresh", this::refresh)));
        root.setCenter(body);
        root.getStyleClass().add("screen");
        gui.host().server().addListener((o, a, s) -> refresh());
        refresh();
    }

    private void reverse(TakenDownSubject t) {
        gui.host().server().get().ifPresent(s -> gui.tasks().run(() -> {
            var admin = s.services().admin();
            switch (t.subject()) {
                case Subject.Account a -> admin.reverseAccountTakedown(a.did());
                case Subject.Record r -> admin.reverseRecordTakedown(r.uri());
                case Subject.Blob b -> admin.reverseBlobTakedown(b.did(), b.cid());
            }
        }, () -> {
            message.setText("Restored.");
            refresh();
        }, err -> message.setText("Could not restore it: " + err.getMessage())));
    }

    public void refresh() {
        gui.host().server().get().ifPresent(s -> gui.tasks().run(() -> s.services().admin().takenDown(), (java.util.List<TakenDownSubject> found) -> rows.setAll(found),
                err -> message.setText("Could not read the takedowns: " + err.getMessage())));
    }

    public Node node() {
        return root;
    }
}
