package org.auroralocus.gui.logs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * A {@code java.util.logging} handler keeping the last {@code capacity} records in memory, for the
 * Logs screen and the dashboard's recent errors. {@code System.Logger} goes to java.util.logging by
 * default, so installing it on the root logger sees the server's records too. Listeners are told
 * on the logging thread and must only hand the entry on.
 */
public final class LogRing extends Handler {
    private final int capacity;
    private final ArrayDeque<LogEntry> entries;
    private final List<Consumer<LogEntry>> listeners = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    public LogRing(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(capacity);
        setLevel(Level.INFO);
    }

    /** Adds this ring to the root logger (once). */
    public LogRing installOnRoot() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) if (h == this) return this;
        root.addHandler(this);
        return this;
    }

    public void uninstall() {
        Logger.getLogger("").removeHandler(this);
    }

    @Override public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) return;
        String message = formatter.formatMessage(record);
        if (record.getThrown() != null) message = message + ": " + describe(record.getThrown());
        LogEntry entry = new LogEntry(record.getInstant() == null ? Instant.EPOCH : record.getInstant(), record.getLevel(),
                record.getLoggerName() == null ? "" : record.getLoggerName(), message);
        synchronized (entries) {
            if (entries.size() == capacity) entries.removeFirst();
            entries.addLast(entry);
        }
        for (Consumer<LogEntry> l : listeners) l.accept(entry);
    }

    private static String describe(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return trace.toString().strip();
    }

    /** The kept records, oldest first. */
    public List<LogEntry> snapshot() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** Tells {@code listener} of each new record; closing the handle stops it. */
    public AutoCloseable listen(Consumer<LogEntry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override public void flush() {}

    @Override public void close() {
        listeners.clear();
    }
}
