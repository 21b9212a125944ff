package org.auroralocus.gui.accounts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.collections.transformation.SortedList;
import org.auroralocus.gui.Controls;
import org.auroralocus.gui.GuiContext;

/** The Accounts screen: the table, its actions, and one account opened in the record browser. */
public final class AccountsView {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final AccountsViewModel model;
    private final StackPane root = new StackPane();
    private final BorderPane list = new BorderPane();
    private final TableView<AccountRow> table;

    public AccountsView(GuiContext gui) {
        model = new AccountsViewModel(gui);
        TextField search = new TextField();
        search.setId("accounts-search");
        search.setPromptText("Search handle, DID or e-mail");
        search.setPrefColumnCount(22);
        search.textProperty().bindBidirectional(model.search());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.busy());

        table = new TableView<>();
        SortedList<AccountRow> sorted = new SortedList<>(model.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("accounts-table");
        table.getProperties().put("model", model);
        table.getColumns().add(Controls.column("Handle", 190, r -> r.handle().toString()));
        table.getColumns().add(Controls.column("DID", 260, r -> r.did().toString()));
        table.getColumns().add(Controls.column("E-mail", 190, r -> r.email().orElse("—")));
        TableColumn<AccountRow, String> created = Controls.column("Created", 130, r -> DATE.format(r.createdAt()));
        table.getColumns().add(created);
        table.getColumns().add(Controls.column("Status", 100, AccountRow::statusText));
        TableColumn<AccountRow, Long> size = new TableColumn<>("Repository");
        size.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue().repositoryBytes()));
        size.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override protected void updateItem(Long n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : Controls.bytes(n));
            }
        });
        size.setPrefWidth(100);
        table.getColumns().add(size);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Controls.placeholder("No accounts yet",
                "Create the first account with Create account, or sign up from a Bluesky app using this server's address."));
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<AccountRow>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) open(row.getItem());
            });
            return row;
        });

        Button open = Controls.button("Open", () -> open(table.getSelectionModel().getSelectedItem()));
        open.setId("account-open");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button create = Controls.primary("Create account", this::create);
        create.setId("account-create");
        Button password = action("Reset password", "account-password", r -> askPassword("New password for " + r.handle())
                .ifPresent(p -> model.resetPassword(r, p)));
        Button handle = action("Change handle", "account-handle", r -> ask("New handle for " + r.handle(), "Handle", r.handle().toString())
                .ifPresent(h -> model.changeHandle(r, h)));
        Button takedown = action("Take down / restore", "account-takedown", model::toggleTakedown);
        Button deactivate = action("Deactivate / reactivate", "account-deactivate", model::toggleDeactivation);
        Button delete = action("Delete…", "account-delete", r -> {
            var confirm = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    "Delete " + r.handle() + " and everything it posted? This cannot be undone.",
                    javafx.scene.control.ButtonType.CANCEL, javafx.scene.control.ButtonType.OK);
            confirm.setHeaderText("Delete this account?");
            confirm.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> model.delete(r));
        });
        HBox actions = new HBox(8, open, password, handle, takedown, deactivate, delete, create);
        actions.setId("account-actions");
        actions.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("accounts-message");
        message.setWrapText(true);
        message.textProperty().bind(model.message());
        message.getStyleClass().add("hint");
        HBox bar = new HBox(10, search, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox body = new VBox(10, bar, actions, message, table);
        message.managedProperty().bind(model.message().isNotEmpty());
        VBox.setVgrow(table, Priority.ALWAYS);
        body.getStyleClass().add("screen-body");
        list.setTop(Controls.header("Accounts", "Everyone who has an account on your server.",
                Controls.button("Refresh", model::refresh)));
        list.setCenter(body);
        list.getStyleClass().add("screen");
        root.getChildren().add(list);
        model.refresh();
    }

    private Button action(String text, String id, java.util.function.Consumer<AccountRow> act) {
        Button b = Controls.button(text, () -> act.accept(table.getSelectionModel().getSelectedItem()));
        b.setId(id);
        b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        return b;
    }

    private static java.util.Optional<String> ask(String title, String label, String value) {
        var dialog = new javafx.scene.control.TextInputDialog(value);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setContentText(label);
        return dialog.showAndWait().filter(v -> !v.isBlank());
    }

    /** Like {@link #ask}, with the characters hidden as they are typed (someone may be watching the screen). */
    private static java.util.Optional<String> askPassword(String title) {
        var dialog = new javafx.scene.control.Dialog<String>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        var field = new javafx.scene.control.PasswordField();
        var row = new HBox(10, new Label("Password"), field);
        row.setAlignment(Pos.CENTER_LEFT);
        dialog.getDialogPane().setContent(row);
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK ? field.getText() : null);
        javafx.application.Platform.runLater(field::requestFocus);
        return dialog.showAndWait().filter(v -> !v.isBlank());
    }

    private void create() {
        var dialog = new javafx.scene.control.Dialog<String[]>();
        dialog.setTitle("Create account");
        dialog.setHeaderText("A new account on this server");
        var handle = new TextField();
        handle.setPromptText("alice." + "example.com");
        var email = new TextField();
        email.setPromptText("optional");
        var password = new javafx.scene.control.PasswordField();
        var grid = new javafx.scene.layout.GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Handle"), handle);
        grid.addRow(1, new Label("E-mail"), email);
        grid.addRow(2, new Label("Password"), password);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.CANCEL, javafx.scene.control.ButtonType.OK);
        dialog.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK
                ? new String[] {handle.getText(), email.getText(), password.getText()} : null);
        dialog.showAndWait().ifPresent(v -> model.createAccount(v[0], v[1], v[2]));
    }

    /** Opens the account's repository in the browser, over the list; Back returns to the list. */
    public void open(AccountRow row) {
        if (row == null) return;
        RecordBrowserView browser = new RecordBrowserView(new RecordBrowserViewModel(model.gui(), row.did()));
        Button back = Controls.button("Back to accounts", () -> root.getChildren().setAll(list));
        back.setId("browser-back");
        BorderPane page = new BorderPane();
        page.setTop(Controls.header(row.handle().toString(), row.did() + " · " + row.statusText(), back));
        VBox body = new VBox(browser.node());
        VBox.setVgrow(browser.node(), Priority.ALWAYS);
        body.getStyleClass().add("screen-body");
        page.setCenter(body);
        page.getStyleClass().add("screen");
        root.getChildren().setAll(page);
    }

    public Node node() {
        return root;
    }

    public AccountsViewModel model() {
        return model;
    }

    TableView<AccountRow> table() {
        return table;
    }
}
