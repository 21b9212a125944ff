package org.auroralocus.gui.logs;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.auroralocus.gui.FxBatch;

/**
 * The live tail: records arrive in batches, the newest {@link #KEPT} are kept, and the table shows
 * those at or above the chosen level that contain the search text. Paused, new records wait
 * (bounded) and appear on resume.
 */
public final class LogsViewModel implements AutoCloseable {
    static final int KEPT = 3000;
    public static final List<Level> LEVELS = List.of(Level.SEVERE, Level.WARNING, Level.INFO, Level.FINE);

    private final ObservableList<LogEntry> all = FXCollections.observableArrayList();
    private final FilteredList<LogEntry> shown = new FilteredList<>(all);
    private final ObjectProperty<Level> minimum = new SimpleObjectProperty<>(Level.INFO);
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final java.util.ArrayList<LogEntry> held = new java.util.ArrayList<>();
    private final AutoCloseable subscription;

    public LogsViewModel(LogRing ring, Executor fxThread) {
        all.setAll(ring.snapshot());
        FxBatch<LogEntry> batch = new FxBatch<>(fxThread, KEPT, this::arrived);
        subscription = ring.listen(batch::offer);
        minimum.addListener((o, a, b) -> refilter());
        search.addListener((o, a, b) -> refilter());
        paused.addListener((o, was, now) -> {
            if (!now) {
                append(List.copyOf(held));
                held.clear();
            }
        });
        refilter();
    }

    private void arrived(List<LogEntry> entries) {
        if (paused.get()) {
            held.addAll(entries);
            if (held.size() > KEPT) held.subList(0, held.size() - KEPT).clear();
        } else {
            append(entries);
        }
    }

    private void append(List<LogEntry> entries) {
        all.addAll(entries);
        if (all.size() > KEPT) all.remove(0, all.size() - KEPT);
    }

    private void refilter() {
        int floor = minimum.get().intValue();
        String text = search.get().strip().toLowerCase(java.util.Locale.ROOT);
        shown.setPredicate(e -> e.level().intValue() >= floor
                && (text.isEmpty() || e.message().toLowerCase(java.util.Locale.ROOT).contains(text)
                    || e.logger().toLowerCase(java.util.Locale.ROOT).contains(text)));
    }

    public ObservableList<LogEntry> shown() {
        return shown;
    }

    public ObjectProperty<Level> minimum() {
        return minimum;
    }

    public StringProperty search() {
        return search;
    }

    public BooleanProperty paused() {
        return paused;
    }

    public void clear() {
        all.clear();
    }

    @Override public void close() throws Exception {
        subscription.close();
    }
}
