package org.auroralocus.gui.logs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Level;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.auroralocus.gui.Controls;
import org.auroralocus.gui.GuiContext;

/** The Logs screen. */
public final class LogsView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final LogsViewModel model;
    private final BorderPane root = new BorderPane();

    public LogsView(GuiContext gui) {
        model = new LogsViewModel(gui.logs(), gui.fxThread());
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("logs-pause");
        pause.selectedProperty().bindBidirectional(model.paused());
        root.setTop(Controls.header("Logs", "What the server reports while it runs. Warnings and errors explain problems.",
                pause, Controls.button("Clear", model::clear)));

        ComboBox<Level> level = new ComboBox<>(FXCollections.observableArrayList(LogsViewModel.LEVELS));
        level.setId("logs-level");
        level.valueProperty().bindBidirectional(model.minimum());
        level.setButtonCell(levelCell());
        level.setCellFactory(l -> levelCell());
        TextField search = new TextField();
        search.setId("logs-search");
        search.setPromptText("Search messages");
        search.setPrefColumnCount(24);
        search.textProperty().bindBidirectional(model.search());
        CheckBox follow = new CheckBox("Follow new lines");
        follow.setSelected(true);
        HBox filters = new HBox(10, new Label("Show"), level, search, Controls.spacer(), follow);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<LogEntry> table = new TableView<>(model.shown());
        table.setId("logs-table");
        table.getColumns().add(Controls.column("Time", 80, e -> TIME.format(e.time())));
        table.getColumns().add(Controls.column("Level", 80, e -> levelName(e.level())));
        table.getColumns().add(Controls.column("Source", 170, LogEntry::source));
        table.getColumns().add(Controls.column("Message", 700, e -> e.message().lines().findFirst().orElse("")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Controls.placeholder("Nothing logged at this level",
                "Choose a lower level, such as Information, to see more."));
        table.setRowFactory(t -> new TableRow<>() {
            @Override protected void updateItem(LogEntry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().removeAll("severe", "warning");
                if (!empty && e != null && e.isProblem()) getStyleClass().add(e.level() == Level.SEVERE ? "severe" : "warning");
                setTooltip(empty || e == null || !e.message().contains("\n") ? null : new javafx.scene.control.Tooltip(e.message()));
            }
        });
        model.shown().addListener((ListChangeListener<LogEntry>) c -> {
            if (follow.isSelected() && !model.shown().isEmpty()) table.scrollTo(model.shown().size() - 1);
        });
        VBox body = new VBox(12, filters, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        body.getStyleClass().add("screen-body");
        root.setCenter(body);
        root.getStyleClass().add("screen");
    }

    private static ListCell<Level> levelCell() {
        return new ListCell<>() {
            @Override protected void updateItem(Level l, boolean empty) {
                super.updateItem(l, empty);
                setText(empty || l == null ? null : levelName(l) + (l == Level.FINE ? "" : " and above"));
            }
        };
    }

    /** The level in words people use, not Java's SEVERE/FINE. */
    static String levelName(Level l) {
        if (l.intValue() >= Level.SEVERE.intValue()) return "Error";
        if (l.intValue() >= Level.WARNING.intValue()) return "Warning";
        if (l.intValue() >= Level.INFO.intValue()) return "Information";
        return "Detail";
    }

    public Node node() {
        return root;
    }

    public LogsViewModel model() {
        return model;
    }
}
