package org.auroralocus.gui.firehose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.auroralocus.gui.FxBatch;
import org.auroralocus.gui.GuiContext;
import org.auroralocus.server.PdsServer;
import org.auroralocus.server.inspect.FirehoseEntry;
import org.auroralocus.server.inspect.Inspection;
import org.auroralocus.server.sequencer.SequencedEvent;

/**
 * The live event table. Events reach it from the sequencer through an {@link FxBatch}; each batch is
 * described (handles looked up) in one background task, one batch at a time so rows stay in seq
 * order, and the newest {@link #KEPT} rows are kept. Paused, arriving events wait (at most
 * {@link #KEPT}) and are added on resume.
 */
public final class FirehoseViewModel implements AutoCloseable {
    public static final int KEPT = 1000;
    static final int SPARK_SECONDS = 60;
    static final int RECENT = 200;
    public static final String ALL_TYPES = "All events";
    public static final List<String> TYPES = List.of(ALL_TYPES, "#commit", "#identity", "#account", "#sync");

    private final GuiContext gui;
    private final ObservableList<FirehoseEntry> rows = FXCollections.observableArrayList();
    private final FilteredList<FirehoseEntry> shown = new FilteredList<>(rows);
    private final StringProperty type = new SimpleStringProperty(ALL_TYPES);
    private final StringProperty account = new SimpleStringProperty("");
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ObservableList<Integer> perSecond = FXCollections.observableArrayList();
    private final List<SequencedEvent> pending = new ArrayList<>();
    private Optional<Inspection> inspection = Optional.empty();
    private Optional<AutoCloseable> subscription = Optional.empty();
    private boolean describing;
    private int arrivedThisSecond;
    /** The highest seq shown: a live event the recent-past read already showed is not added twice. */
    private long lastSeq;

    public FirehoseViewModel(GuiContext gui) {
        this.gui = gui;
        for (int i = 0; i < SPARK_SECONDS; i++) perSecond.add(0);
        type.addListener((o, a, b) -> refilter());
        account.addListener((o, a, b) -> refilter());
        paused.addListener((o, was, now) -> {
            if (!now) describeNext();
        });
        gui.host().server().addListener((o, a, server) -> follow(server));
        follow(gui.host().server().get());
    }

    private void follow(Optional<PdsServer> server) {
        subscription.ifPresent(FirehoseViewModel::closeQuietly);
        subscription = Optional.empty();
        inspection = server.map(s -> s.services().inspection());
        inspection.ifPresent(i -> {
            FxBatch<SequencedEvent> batch = new FxBatch<>(gui.fxThread(), KEPT * 5, this::arrived);
            subscription = Optional.of(i.events().listen(batch::offer));
            // the recent past, so the view is not empty when it opens on a quiet server
            gui.tasks().run(() -> i.recentEvents(RECENT), recent -> {
                long firstLive = rows.isEmpty() ? Long.MAX_VALUE : rows.getFirst().seq();
                rows.addAll(0, recent.stream().filter(e -> e.seq() < firstLive).toList());
                lastSeq = Math.max(lastSeq, recent.isEmpty() ? 0 : recent.getLast().seq());
                countPast(recent);
            }, err -> detail.set("Could not read recent events: " + err.getMessage()));
        });
    }

    private void arrived(List<SequencedEvent> events) {
        arrivedThisSecond += events.size();
        pending.addAll(events);
        if (pending.size() > KEPT) pending.subList(0, pending.size() - KEPT).clear();
        waiting.set(paused.get() ? pending.size() : 0);
        describeNext();
    }

    private void describeNext() {
        if (describing || paused.get() || pending.isEmpty() || inspection.isEmpty()) return;
        describing = true;
        List<SequencedEvent> batch = List.copyOf(pending);
        pending.clear();
        waiting.set(0);
        Inspection from = inspection.get();
        gui.tasks().run(() -> batch.stream().map(from::describe).toList(), described -> {
            describing = false;
            List<FirehoseEntry> fresh = described.stream().filter(e -> e.seq() > lastSeq).toList();
            if (!fresh.isEmpty()) lastSeq = fresh.getLast().seq();
            rows.addAll(fresh);
            if (rows.size() > KEPT) rows.remove(0, rows.size() - KEPT);
            describeNext();
        }, err -> {
            describing = false;
            detail.set("Could not read events: " + err.getMessage());
        });
    }

    /** Puts the recent past on the sparkline too, so it does not open flat on a server that was just busy. */
    private void countPast(List<FirehoseEntry> recent) {
        long now = gui.clock().millis();
        int[] counts = new int[SPARK_SECONDS];
        for (FirehoseEntry e : recent) {
            long ago = (now - e.time().toEpochMilli()) / 1000;
            if (ago >= 0 && ago < SPARK_SECONDS) counts[SPARK_SECONDS - 1 - (int) ago]++;
        }
        List<Integer> merged = new ArrayList<>(perSecond);
        for (int i = 0; i < SPARK_SECONDS; i++) merged.set(i, merged.get(i) + counts[i]);
        perSecond.setAll(merged);
    }

    /** Moves the sparkline on by a second. */
    public void tick() {
        perSecond.remove(0);
        perSecond.add(arrivedThisSecond);
        arrivedThisSecond = 0;
    }

    /** Shows the event's JSON in the detail pane. */
    public void select(Optional<FirehoseEntry> entry) {
        if (entry.isEmpty() || inspection.isEmpty()) {
            detail.set("");
            return;
        }
        Inspection from = inspection.get();
        gui.tasks().run(() -> from.json(entry.get()), detail::set, err -> detail.set("Could not show the event: " + err.getMessage()));
    }

    private void refilter() {
        String t = type.get();
        String who = account.get().strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(e -> (t == null || t.equals(ALL_TYPES) || e.type().equals(t))
                && (who.isEmpty() || e.did().toString().toLowerCase(Locale.ROOT).contains(who)
                    || e.handle().map(h -> h.toString().contains(who)).orElse(false)));
    }

    public void clear() {
        rows.clear();
        detail.set("");
    }

    public ObservableList<FirehoseEntry> shown() { return shown; }
    public ObservableList<FirehoseEntry> rows() { return rows; }
    public StringProperty type() { return type; }
    public StringProperty account() { return account; }
    public BooleanProperty paused() { return paused; }
    public ReadOnlyIntegerProperty waiting() { return waiting.getReadOnlyProperty(); }
    public ReadOnlyStringProperty detail() { return detail.getReadOnlyProperty(); }
    public ObservableList<Integer> perSecond() { return perSecond; }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.getLogger(FirehoseViewModel.class.getName()).log(System.Logger.Level.DEBUG, "closing a subscription", e);
        }
    }

    @Override public void close() {
        subscription.ifPresent(FirehoseViewModel::closeQuietly);
    }
}
