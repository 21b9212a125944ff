package org.auroralocus.gui;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.auroralocus.gui.accounts.AccountsView;
import org.auroralocus.gui.blobs.BlobsView;
import org.auroralocus.gui.invites.InvitesView;
import org.auroralocus.gui.moderation.ModerationView;
import org.auroralocus.gui.dashboard.DashboardView;
import org.auroralocus.gui.firehose.FirehoseView;
import org.auroralocus.gui.logs.LogsView;
import org.auroralocus.gui.settings.SettingsView;
import org.controlsfx.control.StatusBar;

/**
 * The application's window once it is set up: the screens listed on the left, one shown at a
 * time (each built on first visit and kept, so a live view such as the firehose keeps its rows),
 * and a status bar saying whether the server runs and whether work is under way.
 */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<String, Supplier<Node>> screens = new LinkedHashMap<>();
    private final Map<String, Node> built = new LinkedHashMap<>();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final ToggleGroup navigation = new ToggleGroup();

    public MainWindow(GuiContext gui) {
        screens.put("Dashboard", () -> new DashboardView(gui).node());
        screens.put("Accounts", () -> new AccountsView(gui).node());
        screens.put("Invites", () -> new InvitesView(gui).node());
        screens.put("Blobs", () -> blobs(gui));
        screens.put("Firehose", () -> new FirehoseView(gui).node());
        screens.put("Moderation", () -> new ModerationView(gui).node());
        screens.put("Settings", () -> new SettingsView(gui).node());
        screens.put("Logs", () -> new LogsView(gui).node());

        Label brand = new Label("Aurora Locus");
        brand.getStyleClass().add("brand");
        Label sub = new Label("Your Bluesky server");
        sub.getStyleClass().add("brand-sub");
        VBox nav = new VBox(4, brand, sub);
        nav.getStyleClass().add("sidebar");
        nav.setPrefWidth(200);
        for (String name : screens.keySet()) {
            ToggleButton b = new ToggleButton(name);
            b.setId("nav-" + name.toLowerCase(Locale.ROOT));
            b.getStyleClass().add("nav-button");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setToggleGroup(navigation);
            b.setOnAction(e -> show(name));
            buttons.put(name, b);
            nav.getChildren().add(b);
        }
        VBox.setVgrow(content, Priority.ALWAYS);
        root.setLeft(nav);
        root.setCenter(content);
        root.setBottom(statusBar(gui));
        root.getStyleClass().add("main-window");
        show("Dashboard");
    }

    /** The blobs grid, its takedown button wired to the admin service. */
    private static Node blobs(GuiContext gui) {
        BlobsView view = new BlobsView(gui);
        view.onTakedown(b -> gui.host().server().get().ifPresent(s -> gui.tasks().run(() -> {
            if (b.takedownRef().isPresent()) s.services().admin().reverseBlobTakedown(b.owner(), b.cid());
            else s.services().admin().takedownBlob(b.owner(), b.cid(), "desktop-" + gui.clock().millis());
        }, view.model()::refresh, err -> System.getLogger(MainWindow.class.getName())
                .log(System.Logger.Level.WARNING, "blob takedown failed", err))));
        return view.node();
    }

    private static StatusBar statusBar(GuiContext gui) {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        Runnable update = () -> bar.setText(gui.host().state().get().label()
                + gui.host().server().get().map(s -> " · " + s.config().publicUrl()).orElse(""));
        gui.host().state().addListener((o, a, b) -> update.run());
        gui.host().server().addListener((o, a, b) -> update.run());
        update.run();
        if (gui.tasks() instanceof FxTaskRunner fx) {
            fx.running().addListener((o, a, n) -> bar.setProgress(n.intValue() > 0 ? -1 : 0));
        }
        return bar;
    }

    /** Shows the screen called {@code name} (as on its navigation button). */
    public void show(String name) {
        Node screen = built.computeIfAbsent(name, n -> screens.get(n).get());
        content.getChildren().setAll(screen);
        buttons.get(name).setSelected(true);
    }

    public Parent root() {
        return root;
    }
}
