package org.auroralocus.gui.dashboard;

import java.util.ArrayList;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.auroralocus.gui.Controls;
import org.auroralocus.gui.GuiContext;
import org.auroralocus.gui.ServerState;
import org.auroralocus.gui.logs.LogEntry;

/** The Dashboard screen. */
public final class DashboardView {
    private final DashboardViewModel model;
    private final GuiContext gui;
    private final BorderPane root = new BorderPane();
    private int seconds;

    public DashboardView(GuiContext gui) {
        this.gui = gui;
        this.model = new DashboardViewModel(gui);
        Button start = Controls.primary("Start", gui.host()::start);
        start.setId("start-server");
        Button stop = Controls.button("Stop", () -> gui.host().stop(() -> {}));
        stop.setId("stop-server");
        Button restart = Controls.button("Restart", gui.host()::restart);
        restart.setId("restart-server");
        gui.host().state().addListener((o, a, s) -> enable(s, start, stop, restart));
        enable(gui.host().state().get(), start, stop, restart);

        VBox content = new VBox(16, status(), figures(), chartAndErrors());
        content.getStyleClass().add("screen-body");
        VBox.setVgrow(content.getChildren().get(2), Priority.ALWAYS);
        root.setTop(Controls.header("Dashboard", "Your server at a glance.", start, stop, restart));
        root.setCenter(content);
        root.getStyleClass().add("screen");

        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            model.tick();
            if (++seconds % 5 == 0) model.refresh();
        }));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
    }

    private static void enable(ServerState s, Button start, Button stop, Button restart) {
        start.setDisable(s != ServerState.STOPPED && s != ServerState.FAILED);
        stop.setDisable(s != ServerState.RUNNING);
        restart.setDisable(s != ServerState.RUNNING);
    }

    private Node status() {
        Circle dot = new Circle(7);
        dot.getStyleClass().add("status-dot");
        Label state = new Label();
        state.setId("server-state");
        state.getStyleClass().add("status-text");
        state.textProperty().bind(model.state());
        gui.host().state().addListener((o, a, s) -> styleDot(dot, s));
        styleDot(dot, gui.host().state().get());
        HBox line = new HBox(10, dot, state);
        line.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId("server-problem");
        problem.getStyleClass().add("problem-text");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problem());
        problem.visibleProperty().bind(model.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        GridPane urls = new GridPane();
        urls.setHgap(12);
        urls.setVgap(6);
        urlRow(urls, 0, "Public address", model.publicUrl(), "public-url",
                "What Bluesky apps and other servers use to reach your server.");
        urlRow(urls, 1, "On this computer", model.localUrl(), "local-url",
                "Where the server answers on this computer itself.");
        VBox card = new VBox(10, line, problem, urls);
        card.getStyleClass().add("card");
        return card;
    }

    private static void styleDot(Circle dot, ServerState s) {
        dot.getStyleClass().removeAll("running", "stopped", "failed", "busy");
        dot.getStyleClass().add(switch (s) {
            case RUNNING -> "running";
            case STOPPED -> "stopped";
            case FAILED -> "failed";
            case STARTING, STOPPING -> "busy";
        });
    }

    private static void urlRow(GridPane grid, int row, String name, ObservableStringValue value, String id, String help) {
        Label label = new Label(name);
        label.getStyleClass().add("field-name");
        Label url = new Label();
        url.setId(id);
        url.getStyleClass().add("url");
        url.textProperty().bind(value);
        Button copy = Controls.copyButton(value::get, name.toLowerCase(java.util.Locale.ROOT));
        copy.disableProperty().bind(javafx.beans.binding.Bindings.equal("—", value));
        Label hint = new Label(help);
        hint.getStyleClass().add("hint");
        grid.addRow(row, label, url, copy, hint);
    }

    private Node figures() {
        HBox row = new HBox(12,
                figure("Accounts", model.accounts(), "figure-accounts"),
                figure("Records", model.records(), "figure-records"),
                figure("Blobs", model.blobs(), "figure-blobs"),
                figure("Disk use", model.disk(), "figure-disk"),
                figure("Uptime", model.uptime(), "figure-uptime"),
                figure("Version", new javafx.beans.property.SimpleStringProperty(model.version()), "figure-version"));
        row.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        return row;
    }

    private static Node figure(String name, ObservableStringValue value, String id) {
        Label v = new Label();
        v.setId(id);
        v.textProperty().bind(value);
        v.getStyleClass().add("figure-value");
        Label n = new Label(name);
        n.getStyleClass().add("figure-name");
        VBox box = new VBox(2, v, n);
        box.getStyleClass().addAll("card", "figure");
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMinWidth(120);
        return box;
    }

    private Node chartAndErrors() {
        NumberAxis x = new NumberAxis(-(DashboardViewModel.CHART_MINUTES - 1), 0, 5);
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        NumberAxis y = new NumberAxis(0, 10, 2);
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        // events are whole numbers: no "2.5 events" ticks
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : "";
            }

            @Override public Number fromString(String text) {
                return Long.parseLong(text);
            }
        });
        y.setLabel("events");
        x.setLabel("minutes ago");
        AreaChart<Number, Number> chart = new AreaChart<>(x, y);
        chart.setId("events-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setTitle("Events per minute");
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        chart.getData().add(series);
        model.eventsPerMinute().addListener((ListChangeListener<Long>) c -> {
            var list = model.eventsPerMinute();
            // a quiet server keeps a 0-10 scale: auto-ranging an all-zero series leaves one "0.00" tick
            y.setAutoRanging(list.stream().anyMatch(n -> n > 10));
            var points = new ArrayList<XYChart.Data<Number, Number>>();
            for (int i = 0; i < list.size(); i++) {
                int ago = list.size() - 1 - i;
                points.add(new XYChart.Data<>(-ago, list.get(i)));
            }
            series.getData().setAll(points);
        });
        VBox chartCard = new VBox(chart);
        chartCard.getStyleClass().add("card");
        VBox.setVgrow(chart, Priority.ALWAYS);

        Label title = new Label("Recent problems");
        title.getStyleClass().add("card-title");
        ListView<LogEntry> errors = new ListView<>(model.recentErrors());
        errors.setId("recent-errors");
        errors.setPlaceholder(Controls.placeholder("No problems", "Warnings and errors from the server appear here."));
        errors.setCellFactory(l -> new ListCell<>() {
            @Override protected void updateItem(LogEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : firstLine(e.message()));
                setWrapText(true);
                setPrefWidth(0);
                setTooltip(empty || e == null ? null : new javafx.scene.control.Tooltip(e.message()));
                getStyleClass().removeAll("severe", "warning");
                if (!empty && e != null) getStyleClass().add(e.level().intValue() >= 1000 ? "severe" : "warning");
            }
        });
        VBox errorCard = new VBox(8, title, errors);
        errorCard.getStyleClass().add("card");
        errorCard.setPrefWidth(380);
        errorCard.setMinWidth(300);
        VBox.setVgrow(errors, Priority.ALWAYS);
        HBox row = new HBox(12, chartCard, errorCard);
        HBox.setHgrow(chartCard, Priority.ALWAYS);
        row.setMinHeight(Region.USE_PREF_SIZE);
        return row;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public Node node() {
        return root;
    }

    public DashboardViewModel model() {
        return model;
    }
}
