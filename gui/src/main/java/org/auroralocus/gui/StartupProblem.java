package org.auroralocus.gui;

import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.auroralocus.server.config.ConfigException;

/**
 * Turns a failed start into one plain sentence and what to do about it: the person reading it
 * double-clicked an installer and has never seen a stack trace.
 */
public final class StartupProblem {
    private StartupProblem() {}

    public static String explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException || message(t).contains("Address already in use")) {
                return "The server's port is already used by another program. Close that program, "
                        + "or choose another port in Settings, then press Start.";
            }
            if (t instanceof AccessDeniedException || message(t).contains("Permission denied")
                    || message(t).contains("Read-only file system")) {
                String where = t instanceof FileSystemException f && f.getFile() != null ? " (" + f.getFile() + ")" : "";
                return "Aurora Locus may not write to its data folder" + where + ". Choose a folder you own "
                        + "in Settings, or give yourself write access to it, then press Start.";
            }
            if (t instanceof ConfigException c) {
                if (message(c).contains("PDS_HOSTNAME")) {
                    return "The public hostname is not valid: it must look like pds.example.com, without "
                            + "https:// or a path. Correct it in Settings, then press Start.";
                }
                return "The settings are not valid: " + message(c) + ". Correct them in Settings, then press Start.";
            }
        }
        return "The server stopped with an unexpected error (" + message(failure)
                + "). The Logs screen has the details; press Start to try again.";
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
