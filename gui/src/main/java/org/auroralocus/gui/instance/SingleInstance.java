package org.auroralocus.gui.instance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
        Path folder = dataFolder(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
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

    /**
     * The folder {@code pds.env} is read from when no {@code --env} is given: the same rule as the
     * server's configuration (DESIGN.md), computed here without reading or writing that file, because
     * the lock is taken before the application has looked at its configuration.
     */
    static Path dataFolder(Map<String, String> env, String osName, Path home) {
        String configured = env.get("PDS_DATA_DIRECTORY");
        if (configured != null && !configured.isBlank()) return Path.of(configured.strip()).toAbsolutePath();
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) return base(env, "LOCALAPPDATA", home.resolve("AppData/Local")).resolve("Aurora Locus");
        if (os.contains("mac")) return home.resolve("Library/Application Support/Aurora Locus");
        return base(env, "XDG_DATA_HOME", home.resolve(".local/share")).resolve("aurora-locus");
    }

    private static Path base(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        return value != null && !value.isBlank() ? Path.of(value) : fallback;
    }
}
