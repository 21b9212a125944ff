package org.auroralocus.gui.instance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.auroralocus.server.config.ConfigLoader;

/**
 * The desktop application's one-instance rule, as the launcher and the application use it:
 * {@link #claim()} first thing in {@code main}, {@link #onActivate(Runnable)} once the window exists.
 */
public final class SingleInstance {
    private static final System.Logger LOG = System.getLogger(SingleInstance.class.getName());
    private static final Duration WAIT_FOR_STARTING_INSTANCE = Duration.ofSeconds(10);
    /**
     * The guard this process holds. Static because JavaFX builds the {@code Application} by reflection,
     * so the launcher cannot hand it over through a constructor; it is written once, in {@code main}.
     */
    private static volatile Optional<InstanceGuard> held = Optional.empty();

    private SingleInstance() {}

    /**
     * Makes this process the running instance for this user's data folder, and returns true; or, if
     * one already runs, asks it to bring its window forward and returns false (then {@code main}
     * should just return). If the running one cannot be reached it starts anyway, and the server's
     * busy port says the rest.
     */
    public static boolean claim() {
        // where pds.env is read from (PDS_DATA_DIRECTORY, else the OS's per-user folder), found without reading or
        // writing it: the lock is taken before the application has looked at its configuration
        Path folder = ConfigLoader.forThisMachine().defaultEnvFile().getParent();
        try {
            held = InstanceGuard.acquire(folder, WAIT_FOR_STARTING_INSTANCE);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not check for a running Aurora Locus; starting anyway", e);
            return true;
        }
        if (held.isEmpty()) {
            System.err.println("Aurora Locus is already running: brought its window forward.");
            return false;
        }
        return true;
    }

    /** What a later launch does to this one: the application brings its window forward (run off the FX thread). */
    public static void onActivate(Runnable bringForward) {
        held.ifPresent(guard -> guard.onActivate(bringForward));
    }
}
