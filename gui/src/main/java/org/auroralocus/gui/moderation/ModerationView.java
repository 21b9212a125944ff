package org.auroralocus.gui.moderation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.auroralocus.gui.Controls;
import org.auroralocus.gui.GuiContext;
import org.auroralocus.server.admin.TakenDownSubject;

/** The Moderation screen. */
public final class ModerationView {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final ModerationViewModel model;
    private final BorderPane root = new BorderPane();

    public ModerationView(GuiContext gui) {
        model = new ModerationViewModel(gui.tasks(), () -> gui.host().server().get().map(s -> s.services().admin()),
                did -> gui.host().server().get().flatMap(s -> s.services().inspection().handle(did)));
        TableView<TakenDownSubject> table = new TableView<>(model.rows());
        table.setId("moderation-table");
        table.getColumns().add(Controls.column("Kind", 80, ModerationViewModel::kind));
        table.getColumns().add(Controls.column("Account", 150, model::account));
        table.getColumns().add(Controls.column("What", 480, ModerationViewModel::what));
        table.getColumns().add(Controls.column("Reference", 110, TakenDownSubject::reference));
        table.getColumns().add(Controls.column("Since", 130, t -> DATE.format(t.at())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Controls.placeholder("Nothing is taken down",
                "Accounts and blobs you take down on the Accounts and Blobs screens are listed here, to be restored."));
        Button restore = Controls.button("Restore", () -> model.restore(table.getSelectionModel().getSelectedItem()));
        restore.setId("moderation-restore");
        restore.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Label message = new Label();
        message.getStyleClass().add("hint");
        message.textProperty().bind(model.message());
        Node body = Controls.tableBody(Controls.actionBar(message, restore), table);
        root.setTop(Controls.header("Moderation", "What is hidden from the network, and why.", Controls.button("Refresh", model::refresh)));
        root.setCenter(body);
        root.getStyleClass().add("screen");
        gui.host().server().addListener((o, a, s) -> model.refresh());
        model.refresh();
    }

    public Node node() {
        return root;
    }
}
