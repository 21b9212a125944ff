package org.auroralocus.gui.setup;

import java.io.File;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.auroralocus.gui.Controls;

/** The setup wizard: the steps on the left, one page at a time on the right, Back and Next below. */
public final class SetupView {
    private final SetupViewModel model;
    private final BorderPane root = new BorderPane();
    private final VBox steps = new VBox(4);
    private final Runnable onFinished;

    public SetupView(SetupViewModel model, Runnable onFinished) {
        this.model = model;
        this.onFinished = onFinished;
        Label brand = new Label("Aurora Locus");
        brand.getStyleClass().add("brand");
        Label setup = new Label("Setup");
        setup.getStyleClass().add("brand-sub");
        steps.getChildren().addAll(brand, setup);
        for (int i = 0; i < SetupViewModel.STEPS.size(); i++) {
            Label l = new Label((i + 1) + "   " + SetupViewModel.STEPS.get(i));
            l.getStyleClass().add("wizard-step");
            l.setMaxWidth(Double.MAX_VALUE);
            steps.getChildren().add(l);
        }
        steps.getStyleClass().add("sidebar");
        steps.setPrefWidth(220);
        root.setLeft(steps);
        root.getStyleClass().add("wizard");
        model.step().addListener((o, a, b) -> show());
        show();
    }

    private void show() {
        int step = model.step().get();
        for (int i = 0; i < SetupViewModel.STEPS.size(); i++) {
            Node l = steps.getChildren().get(i + 2);
            l.getStyleClass().removeAll("current", "done");
            if (i == step) l.getStyleClass().add("current");
            if (i < step) l.getStyleClass().add("done");
        }
        Node page = switch (SetupViewModel.STEPS.get(step)) {
            case "Welcome" -> welcome();
            case "Address" -> address();
            case "Storage" -> storage();
            case "Admin password" -> password();
            case "E-mail" -> email();
            default -> finish();
        };
        Label problem = new Label();
        problem.setId("setup-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("problem-text");
        problem.textProperty().bind(model.problem());
        problem.visibleProperty().bind(model.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label note = new Label();
        note.setId("setup-note");
        note.setWrapText(true);
        note.getStyleClass().add("ok-text");
        note.textProperty().bind(model.note());
        note.visibleProperty().bind(model.note().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        VBox body = new VBox(16, page, note, problem);
        body.getStyleClass().add("wizard-page");
        body.setMaxWidth(720);
        VBox.setVgrow(page, Priority.NEVER);

        Button back = Controls.button("Back", model::back);
        back.setId("setup-back");
        back.setDisable(step == 0);
        boolean last = step == SetupViewModel.STEPS.size() - 1;
        Button next = last ? Controls.primary("Create and start", () -> model.finish(onFinished)) : Controls.primary("Next", model::next);
        next.setId(last ? "setup-finish" : "setup-next");
        next.setDefaultButton(true);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(24, 24);
        busy.visibleProperty().bind(model.busy());
        next.disableProperty().bind(model.busy());
        HBox buttons = new HBox(10, busy, Controls.spacer(), back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add("wizard-buttons");
        BorderPane content = new BorderPane(body);
        BorderPane.setAlignment(body, Pos.TOP_LEFT);
        content.setBottom(buttons);
        root.setCenter(content);
    }

    /** The wizard's labels differ only in style and wrapping. */
    private static Label styled(String text, boolean wrap, String... styles) {
        Label l = new Label(text);
        l.setWrapText(wrap);
        l.getStyleClass().addAll(styles);
        return l;
    }

    private static Label title(String text) { return styled(text, false, "screen-title"); }
    private static Label text(String text) { return styled(text, true, "wizard-text"); }
    private static Label label(String text) { return styled(text, false, "field-name"); }
    private static Label value(String text) { return styled(text, true); }
    private static Label hint(String text) { return styled(text, true, "hint"); }

    /** A text field bound both ways to {@code value}, with its id and placeholder. */
    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private Node welcome() {
        ToggleGroup group = new ToggleGroup();
        RadioButton trial = new RadioButton("Just try it on this computer");
        trial.setId("setup-trial");
        trial.setToggleGroup(group);
        RadioButton real = new RadioButton("Run a public server for myself and others");
        real.setId("setup-public");
        real.setToggleGroup(group);
        (model.localTrial().get() ? trial : real).setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> model.localTrial().set(b == trial));
        return new VBox(14, title("Welcome to Aurora Locus"),
                text("Aurora Locus is your own Bluesky server: the accounts on it keep their posts, pictures and "
                        + "followers here, on a computer you control. A few questions and it is running."),
                trial, indented(text("Nothing is reachable from the internet. Accounts get names like alice.test. "
                        + "Good for looking around; you can set up a public server later in Settings.")),
                real, indented(text("You need a domain name (such as pds.example.com) that points to this computer, "
                        + "and HTTPS in front of it, for example from a reverse proxy such as Caddy.")));
    }

    private static Node indented(Node n) {
        VBox box = new VBox(n);
        box.setPadding(new javafx.geometry.Insets(0, 0, 0, 28));
        return box;
    }

    private Node address() {
        GridPane grid = form();
        TextField host = field("setup-hostname", "pds.example.com", model.hostname());
        Button check = Controls.button("Check", model::checkHostname);
        check.setId("setup-check-hostname");
        HBox hostRow = new HBox(8, host, check);
        HBox.setHgrow(host, Priority.ALWAYS);
        TextField port = field("setup-port", "2583", model.port());
        port.setPrefColumnCount(6);
        port.setMaxWidth(100);
        int row = 0;
        if (!model.localTrial().get()) {
            grid.addRow(row++, label("Public hostname"), hostRow);
            grid.add(hint("The name apps use to reach your server. Its DNS record must point to this computer; "
                    + "Check looks it up. Accounts will be named like alice." + "pds.example.com."), 1, row++);
        }
        grid.addRow(row++, label("Port"), port);
        grid.add(hint(model.localTrial().get()
                ? "The trial answers on http://localhost at this port, on this computer only."
                : "The port your HTTPS proxy forwards to. Keep 2583 unless another program uses it."), 1, row);
        return new VBox(14, title(model.localTrial().get() ? "Where it answers" : "Your server's address"),
                text(model.localTrial().get() ? "The trial runs on this computer only." : "How the world finds your server."), grid);
    }

    private Node storage() {
        GridPane grid = form();
        TextField folder = field("setup-folder", "", model.dataFolder());
        Button browse = Controls.button("Browse…", () -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose the data folder");
            File current = new File(model.dataFolder().get());
            if (current.isDirectory()) chooser.setInitialDirectory(current);
            File chosen = chooser.showDialog(root.getScene().getWindow());
            if (chosen != null) model.dataFolder().set(chosen.getAbsolutePath());
        });
        HBox row = new HBox(8, folder, browse);
        HBox.setHgrow(folder, Priority.ALWAYS);
        grid.addRow(0, label("Data folder"), row);
        grid.add(hint("Accounts, posts and pictures are kept here. Back it up like your photos. "
                + "The settings file is saved at " + model.envFile() + "."), 1, 1);
        return new VBox(14, title("Where your data lives"), text("Choose a folder on a disk with room to grow."), grid);
    }

    private Node password() {
        TextField shown = new TextField(model.adminPassword());
        shown.setId("setup-admin-password");
        shown.setEditable(false);
        shown.getStyleClass().add("code");
        Button copy = Controls.copyButton(model::adminPassword, "the admin password");
        copy.setId("setup-copy-password");
        HBox row = new HBox(8, shown, copy);
        HBox.setHgrow(shown, Priority.ALWAYS);
        return new VBox(14, title("Your admin password"),
                text("This password manages the server through its admin API and tools. It is shown only now: "
                        + "copy it into your password manager before you continue."),
                row,
                hint("It is also saved in the settings file, which only your user can read."));
    }

    private Node email() {
        GridPane grid = form();
        TextField url = field("setup-smtp", "smtps://user:password@smtp.example.com:465", model.smtpUrl());
        TextField from = field("setup-from", "pds@example.com", model.fromAddress());
        TextField to = field("setup-test-to", "you@example.com", model.testAddress());
        Button send = Controls.button("Send test mail", model::sendTestMail);
        send.setId("setup-send-test");
        HBox testRow = new HBox(8, to, send);
        HBox.setHgrow(to, Priority.ALWAYS);
        grid.addRow(0, label("Mail server"), url);
        grid.addRow(1, label("Sender address"), from);
        grid.addRow(2, label("Send a test to"), testRow);
        return new VBox(14, title("E-mail (optional)"),
                text("Accounts get codes by e-mail to confirm their address or reset a password. Without a mail server, "
                        + "the codes are written to the Logs screen instead. You can add one later in Settings."), grid);
    }

    private Node finish() {
        GridPane grid = form();
        int row = 0;
        grid.addRow(row++, label("Kind"), value(model.localTrial().get() ? "Trial on this computer" : "Public server"));
        if (!model.localTrial().get()) grid.addRow(row++, label("Hostname"), value(model.hostname().get()));
        grid.addRow(row++, label("Port"), value(model.port().get()));
        grid.addRow(row++, label("Data folder"), value(model.dataFolder().get()));
        grid.addRow(row++, label("E-mail"), value(model.smtpUrl().get().isBlank() ? "Not set up (codes go to the log)" : "Set up"));
        grid.addRow(row, label("Settings file"), value(model.envFile().toString()));
        return new VBox(14, title("Ready"), text("Aurora Locus saves these settings, with new secret keys, and starts your server."), grid);
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(10);
        var names = new javafx.scene.layout.ColumnConstraints(140);
        var values = new javafx.scene.layout.ColumnConstraints(200, 480, 560);
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(names, values);
        return grid;
    }


    public Node node() {
        return root;
    }

    public SetupViewModel model() {
        return model;
    }
}
