package org.auroralocus.gui.invites;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.auroralocus.gui.Controls;
import org.auroralocus.gui.GuiContext;
import org.auroralocus.server.admin.InviteCode;

/** The Invites screen. Its few commands call the admin service through the task runner directly. */
public final class InvitesView {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final GuiContext gui;
    private final ObservableList<InviteCode> codes = FXCollections.observableArrayList();
    private final Label message = new Label();
    private final BorderPane root = new BorderPane();
    private final TableView<InviteCode> table = new TableView<>(codes);

    public InvitesView(GuiContext gui) {
        this.gui = gui;
        Spinner<Integer> uses = new Spinner<>(1, 1000, 1);
        uses.setId("invite-uses");
        uses.setPrefWidth(90);
        Button create = Controls.primary("Create code", () -> act(a -> a.createInviteCodes(1, uses.getValue(), Optional.empty())));
        create.setId("invite-create");
        root.setTop(Controls.header("Invites", "Codes that let people sign up when invites are required.",
                new Label("Uses"), uses, create));
        table.setId("invites-table");
        table.getColumns().add(Controls.column("Code", 220, InviteCode::code));
        table.getColumns().add(Controls.column("Used", 80, c -> c.uses().size() + " of " + c.available()));
        table.getColumns().add(Controls.column("Used by", 300, c -> c.uses().isEmpty() ? "—"
                : c.uses().stream().map(u -> gui.host().server().get().flatMap(s -> s.services().inspection().handle(u.usedBy()))
                        .map(Object::toString).orElse(u.usedBy().toString())).collect(Collectors.joining(", "))));
        table.getColumns().add(Controls.column("Created", 140, c -> DATE.format(c.createdAt())));
        table.getColumns().add(Controls.column("Status", 100, c -> c.disabled() ? "Disabled" : c.usable() ? "Usable" : "Used up"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Controls.placeholder("No invite codes yet", "Create one with Create code and send it to someone."));
        Button copy = Controls.button("Copy code", () -> Controls.copy(table.getSelectionModel().getSelectedItem().code()));
        copy.setId("invite-copy");
        Button disable = Controls.button("Disable", () -> act(a -> {
            a.disableInviteCodes(List.of(table.getSelectionModel().getSelectedItem().code()), List.of());
            return List.of();
        }));
        disable.setId("invite-disable");
        copy.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        disable.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        message.setId("invites-message");
        message.getStyleClass().add("hint");
        HBox bar = new HBox(8, copy, disable, Controls.spacer(), message);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox body = new VBox(10, bar, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        body.getStyleClass().add("screen-body");
        root.setCenter(body);
        root.getStyleClass().add("screen");
        gui.host().server().addListener((o, a, s) -> refresh());
        refresh();
    }

    private void act(java.util.function.Function<org.auroralocus.server.admin.AdminService, List<InviteCode>> command) {
        gui.host().server().get().ifPresent(s -> gui.tasks().run(() -> command.apply(s.services().admin()), made -> {
            if (!made.isEmpty()) {
                Controls.copy(made.getFirst().code());
                message.setText("Created " + made.getFirst().code() + " (copied to the clipboard).");
            }
            refresh();
        }, err -> message.setText("Could not change the invite codes: " + err.getMessage())));
    }

    public void refresh() {
        gui.host().server().get().ifPresent(s -> gui.tasks().run(() -> s.services().admin().inviteCodes(Optional.empty(), 500).codes(),
                (List<InviteCode> found) -> codes.setAll(found), err -> message.setText("Could not read the invite codes: " + err.getMessage())));
    }

    public Node node() {
        return root;
    }
}
