package org.auroralocus.gui.invites;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.auroralocus.gui.Controls;
import org.auroralocus.gui.GuiContext;
import org.auroralocus.server.admin.InviteCode;

/** The Invites screen. */
public final class InvitesView {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final InvitesViewModel model;
    private final BorderPane root = new BorderPane();

    public InvitesView(GuiContext gui) {
        model = new InvitesViewModel(gui.tasks(), () -> gui.host().server().get().map(s -> s.services().admin()),
                did -> gui.host().server().get().flatMap(s -> s.services().inspection().handle(did)), Controls::copy);
        Spinner<Integer> uses = new Spinner<>(1, 1000, 1);
        uses.setId("invite-uses");
        uses.setPrefWidth(90);
        Button create = Controls.primary("Create code", () -> model.create(uses.getValue()));
        create.setId("invite-create");
        root.setTop(Controls.header("Invites", "Codes that let people sign up when invites are required.",
                new Label("Uses"), uses, create));
        TableView<InviteCode> table = new TableView<>(model.codes());
        table.setId("invites-table");
        table.getColumns().add(Controls.column("Code", 220, InviteCode::code));
        table.getColumns().add(Controls.column("Used", 80, InvitesViewModel::used));
        table.getColumns().add(Controls.column("Used by", 300, model::usedBy));
        table.getColumns().add(Controls.column("Created", 140, c -> DATE.format(c.createdAt())));
        table.getColumns().add(Controls.column("Status", 100, InvitesViewModel::status));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Controls.placeholder("No invite codes yet", "Create one with Create code and send it to someone."));
        Button copy = Controls.button("Copy code", () -> Controls.copy(table.getSelectionModel().getSelectedItem().code()));
        copy.setId("invite-copy");
        Button disable = Controls.button("Disable", () -> model.disable(table.getSelectionModel().getSelectedItem()));
        disable.setId("invite-disable");
        copy.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        disable.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Label message = new Label();
        message.setId("invites-message");
        message.getStyleClass().add("hint");
        message.textProperty().bind(model.message());
        root.setCenter(Controls.tableBody(Controls.actionBar(message, copy, disable), table));
        root.getStyleClass().add("screen");
        gui.host().server().addListener((o, a, s) -> model.refresh());
        model.refresh();
    }

    public Node node() {
        return root;
    }
}
