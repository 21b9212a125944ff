package org.auroralocus.gui.settings;

import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.auroralocus.gui.Controls;
import org.auroralocus.gui.GuiContext;

/** The Settings screen. */
public final class SettingsView {
    private final SettingsViewModel model;
    private final BorderPane root = new BorderPane();
    private final GridPane form = new GridPane();

    public SettingsView(GuiContext gui) {
        model = new SettingsViewModel(gui);
        Button save = Controls.primary("Save and restart", model::saveAndRestart);
        save.setId("settings-save");
        save.disableProperty().bind(model.valid().not());
        root.setTop(Controls.header("Settings", "How your server is set up. Changes take effect after a restart.",
                Controls.button("Reload", model::load), save));

        Label file = new Label();
        file.getStyleClass().add("hint");
        file.textProperty().bind(model.file().map(f -> f.isEmpty() ? "" : "Stored in " + f));
        Label message = new Label();
        message.setId("settings-message");
        message.setWrapText(true);
        message.textProperty().bind(model.message());
        message.getStyleClass().add("problem-text");
        message.visibleProperty().bind(model.message().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        model.valid().addListener((o, a, ok) -> {
            message.getStyleClass().removeAll("problem-text", "ok-text");
            message.getStyleClass().add(ok ? "ok-text" : "problem-text");
        });

        form.setHgap(14);
        form.setVgap(10);
        ColumnConstraints names = new ColumnConstraints(160);
        names.setHalignment(HPos.RIGHT);
        ColumnConstraints values = new ColumnConstraints(300, 380, 460);
        ColumnConstraints help = new ColumnConstraints(200, 400, Double.MAX_VALUE);
        help.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(names, values, help);
        form.getStyleClass().add("card");
        model.fields().addListener((ListChangeListener<SettingField>) c -> rebuild());
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("grid-scroll");
        VBox body = new VBox(10, message, scroll, file);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        body.getStyleClass().add("screen-body");
        root.setCenter(body);
        root.getStyleClass().add("screen");
        model.load();
    }

    private void rebuild() {
        form.getChildren().clear();
        int row = 0;
        for (SettingField f : model.fields()) {
            Label name = new Label(f.label());
            name.getStyleClass().add("field-name");
            TextField input = f.secret() ? new PasswordField() : new TextField();
            input.setId("setting-" + f.name());
            input.textProperty().bindBidirectional(f.value());
            input.setPromptText(f.whenEmpty());
            name.setTooltip(new javafx.scene.control.Tooltip(f.name() + " in pds.env"));
            Label help = new Label(f.help());
            help.getStyleClass().add("hint");
            help.setWrapText(true);
            form.addRow(row++, name, input, help);
        }
    }

    public Node node() {
        return root;
    }

    public SettingsViewModel model() {
        return model;
    }
}
