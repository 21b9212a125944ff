package org.auroralocus.gui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The few building blocks every screen shares, so that headings, empty states and copy buttons look alike. */
public final class Controls {
    private Controls() {}

    /** A screen's title row: the title, a one-line explanation, and actions on the right. */
    public static Node header(String title, String explanation, Node... actions) {
        Label t = new Label(title);
        t.getStyleClass().add("screen-title");
        Label e = new Label(explanation);
        e.getStyleClass().add("screen-subtitle");
        e.setWrapText(true);
        VBox text = new VBox(2, t, e);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, text);
        row.getChildren().addAll(actions);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("screen-header");
        return row;
    }

    /** What a table or grid shows when it has nothing: why, and what to do. */
    public static Node placeholder(String title, String explanation) {
        Label t = new Label(title);
        t.getStyleClass().add("empty-title");
        Label e = new Label(explanation);
        e.getStyleClass().add("empty-text");
        e.setWrapText(true);
        e.setMaxWidth(460);
        VBox box = new VBox(6, t, e);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }

    /** A small button that copies {@code text()} to the clipboard. */
    public static Button copyButton(java.util.function.Supplier<String> text, String what) {
        Button b = new Button("Copy");
        b.getStyleClass().add("copy-button");
        b.setTooltip(new Tooltip("Copy " + what + " to the clipboard"));
        b.setOnAction(e -> copy(text.get()));
        return b;
    }

    public static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    /** A table screen's body: a bar of actions above the table, the table taking the height left. */
    public static Node tableBody(Node bar, Node table) {
        VBox body = new VBox(10, bar, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        body.getStyleClass().add("screen-body");
        return body;
    }

    /** Buttons on the left, a short status message on the right. */
    public static HBox actionBar(Node message, Node... buttons) {
        HBox bar = new HBox(8, buttons);
        bar.getChildren().addAll(spacer(), message);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    public static Button primary(String text, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("primary");
        b.setOnAction(e -> action.run());
        return b;
    }

    public static Button button(String text, Runnable action) {
        Button b = new Button(text);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A read-only text column of a table, sortable by its text. */
    public static <T> javafx.scene.control.TableColumn<T, String> column(String title, double width,
                                                                           java.util.function.Function<T, String> value) {
        javafx.scene.control.TableColumn<T, String> c = new javafx.scene.control.TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    /** Bytes as people read them: 0 B, 12.3 KB, 4.5 MB. */
    public static String bytes(long n) {
        if (n < 1024) return n + " B";
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int i = -1;
        do {
            v /= 1024;
            i++;
        } while (v >= 1024 && i < units.length - 1);
        return String.format(java.util.Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[i]);
    }

    /** A duration as people read it: 3 h 12 min, 45 s. */
    public static String duration(java.time.Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
        if (s < 86400) return (s / 3600) + " h " + (s % 3600 / 60) + " min";
        return (s / 86400) + " d " + (s % 86400 / 3600) + " h";
    }
}
