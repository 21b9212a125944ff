package org.auroralocus.gui.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auroralocus.gui.Controls;
import org.auroralocus.gui.FxBatch;
import org.auroralocus.gui.GuiContext;
import org.auroralocus.gui.ServerState;
import org.auroralocus.gui.logs.LogEntry;
import org.auroralocus.server.AuroraVersion;
import org.auroralocus.server.PdsServer;
import org.auroralocus.server.inspect.ServerStats;

/** The dashboard's figures, refreshed in the background; URLs and uptime follow the server host. */
public final class DashboardViewModel implements AutoCloseable {
    static final int CHART_MINUTES = 30;
    private static final int ERRORS_KEPT = 6;

    private final GuiContext gui;
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper publicUrl = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper localUrl = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper uptime = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper accounts = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper records = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper blobs = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper disk = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<Long> eventsPerMinute = FXCollections.observableArrayList();
    private final ObservableList<LogEntry> recentErrors = FXCollections.observableArrayList();
    private final AutoCloseable logSubscription;
    private boolean refreshing;

    public DashboardViewModel(GuiContext gui) {
        this.gui = gui;
        recentErrors.setAll(gui.logs().snapshot().stream().filter(LogEntry::isProblem).toList().reversed()
                .stream().limit(ERRORS_KEPT).toList());
        FxBatch<LogEntry> errors = new FxBatch<>(gui.fxThread(), ERRORS_KEPT, this::errorsArrived);
        logSubscription = gui.logs().listen(e -> {
            if (e.isProblem()) errors.offer(e);
        });
        gui.host().state().addListener((o, a, b) -> serverChanged());
        gui.host().problem().addListener((o, a, b) -> serverChanged());
        serverChanged();
    }

    private void errorsArrived(List<LogEntry> entries) {
        recentErrors.addAll(0, entries.reversed());
        if (recentErrors.size() > ERRORS_KEPT) recentErrors.remove(ERRORS_KEPT, recentErrors.size());
    }

    private void serverChanged() {
        ServerState s = gui.host().state().get();
        state.set(s.label());
        problem.set(gui.host().problem().get());
        Optional<PdsServer> server = gui.host().server().get();
        publicUrl.set(server.map(p -> p.config().publicUrl()).orElse("—"));
        localUrl.set(server.map(p -> "http://127.0.0.1:" + p.port()).orElse("—"));
        tick();
        refresh();
    }

    /** Updates what changes by the second (uptime). */
    public void tick() {
        uptime.set(gui.host().startedAt().get()
                .map(t -> Controls.duration(Duration.between(t, gui.clock().instant()))).orElse("—"));
    }

    /** Reads the counts and the event rate again, in the background. */
    public void refresh() {
        Optional<PdsServer> server = gui.host().server().get();
        if (server.isEmpty() || refreshing) return;
        refreshing = true;
        var inspection = server.get().services().inspection();
        gui.tasks().run(() -> new Figures(inspection.stats(),
                        inspection.eventsPerMinute(gui.clock().instant(), CHART_MINUTES)),
                f -> {
                    refreshing = false;
                    accounts.set(String.format("%,d", f.stats().accounts()));
                    records.set(String.format("%,d", f.stats().records()));
                    blobs.set(String.format("%,d", f.stats().blobs()));
                    disk.set(Controls.bytes(f.stats().diskBytes()));
                    eventsPerMinute.setAll(f.perMinute());
                },
                err -> {
                    refreshing = false;
                    problem.set("Could not read the server's figures: " + err.getMessage());
                });
    }

    private record Figures(ServerStats stats, List<Long> perMinute) {}

    public ReadOnlyStringProperty state() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty publicUrl() { return publicUrl.getReadOnlyProperty(); }
    public ReadOnlyStringProperty localUrl() { return localUrl.getReadOnlyProperty(); }
    public String version() { return AuroraVersion.current(); }
    public ReadOnlyStringProperty uptime() { return uptime.getReadOnlyProperty(); }
    public ReadOnlyStringProperty accounts() { return accounts.getReadOnlyProperty(); }
    public ReadOnlyStringProperty records() { return records.getReadOnlyProperty(); }
    public ReadOnlyStringProperty blobs() { return blobs.getReadOnlyProperty(); }
    public ReadOnlyStringProperty disk() { return disk.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problem() { return problem.getReadOnlyProperty(); }
    public ObservableList<Long> eventsPerMinute() { return eventsPerMinute; }
    public ObservableList<LogEntry> recentErrors() { return recentErrors; }

    @Override public void close() throws Exception {
        logSubscription.close();
    }
}
