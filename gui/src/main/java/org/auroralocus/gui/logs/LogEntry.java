package org.auroralocus.gui.logs;

import java.time.Instant;
import java.util.logging.Level;

/** One log record as the screen shows it: the message already formatted, the logger's short name. */
public record LogEntry(Instant time, Level level, String logger, String message) {
    /** The logger's class name without its package (the full name is too long to read in a table). */
    public String source() {
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }

    public boolean isProblem() {
        return level.intValue() >= Level.WARNING.intValue();
    }
}
