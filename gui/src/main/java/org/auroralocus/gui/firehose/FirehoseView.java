package org.auroralocus.gui.firehose;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.auroralocus.gui.Controls;
import org.auroralocus.gui.GuiContext;
import org.auroralocus.server.inspect.FirehoseEntry;

/** The Firehose screen. */
public final class FirehoseView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final FirehoseViewModel model;
    private final BorderPane root = new BorderPane();

    public FirehoseView(GuiContext gui) {
        model = new FirehoseViewModel(gui);
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("firehose-pause");
        pause.selectedProperty().bindBidirectional(model.paused());
        pause.textProperty().bind(javafx.beans.binding.Bindings.when(model.paused()).then("Resume").otherwise("Pause"));
        root.setTop(Controls.header("Firehose", "Every change on your server as it happens: what relays and apps receive.",
                pause, Controls.button("Clear", model::clear)));

        ComboBox<String> type = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(FirehoseViewModel.TYPES));
        type.setId("firehose-type");
        type.valueProperty().bindBidirectional(model.type());
        TextField account = new TextField();
        account.setId("firehose-account");
        account.setPromptText("Filter by handle or DID");
        account.setPrefColumnCount(22);
        account.textProperty().bindBidirectional(model.account());
        Label waiting = new Label();
        waiting.getStyleClass().add("hint");
        waiting.textProperty().bind(model.waiting().asString("%d new events waiting"));
        waiting.visibleProperty().bind(model.paused());
        Sparkline spark = new Sparkline(160, 26);
        spark.setId("firehose-sparkline");
        Label rate = new Label();
        rate.setId("firehose-rate");
        rate.getStyleClass().add("hint");
        Runnable drawRate = () -> {
            spark.draw(model.perSecond());
            rate.setText(model.perSecond().getLast() + " events/s");
        };
        model.perSecond().addListener((ListChangeListener<Integer>) c -> drawRate.run());
        drawRate.run();
        HBox filters = new HBox(10, new Label("Show"), type, account, waiting, Controls.spacer(), spark, rate);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<FirehoseEntry> table = new TableView<>(model.shown());
        table.setId("firehose-table");
        table.getColumns().add(Controls.column("Seq", 70, e -> Long.toString(e.seq())));
        table.getColumns().add(Controls.column("Time", 80, e -> TIME.format(e.time())));
        table.getColumns().add(Controls.column("Type", 90, FirehoseEntry::type));
        table.getColumns().add(Controls.column("Account", 200, e -> e.handle().map(Object::toString).orElse(e.did().toString())));
        TableColumn<FirehoseEntry, String> ops = Controls.column("What happened", 360, FirehoseEntry::ops);
        table.getColumns().add(ops);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Controls.placeholder("No events yet",
                "Events appear here the moment an account posts, likes, follows or changes its profile."));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> model.select(Optional.ofNullable(e)));

        TextArea detail = new TextArea();
        detail.setId("firehose-detail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.getStyleClass().add("code");
        detail.setPromptText("Select an event to see it as JSON.");
        detail.textProperty().bind(model.detail());
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);

        VBox body = new VBox(12, filters, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        body.getStyleClass().add("screen-body");
        root.setCenter(body);
        root.getStyleClass().add("screen");

        Timeline seconds = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        seconds.setCycleCount(Timeline.INDEFINITE);
        seconds.play();
    }

    public Node node() {
        return root;
    }

    public FirehoseViewModel model() {
        return model;
    }
}
