package org.auroralocus.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestPds} for a whole test class:
 * {@code @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of(...));}
 * starts it in a data folder of its own before the class's first test and, after the last, closes it
 * and deletes the folder. Tests then call it as they would the {@link TestPds} itself.
 *
 * <p>It must be a static field: JUnit calls an instance field's extension too late for
 * before-all, and one server per class is the isolation these tests are written for.
 */
public final class PdsExtension implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> settings;
    private final Clock clock;
    private Optional<Running> running = Optional.empty();

    /** The server, its folder, and the class it was started for (a nested class must not restart or close it). */
    private record Running(TestPds pds, Path dir, Class<?> owner) {}

    private PdsExtension(Map<String, String> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** A local-trial server (see {@link TestPds#start(Path, Map)}) with these extra PDS_* settings. */
    public static PdsExtension withSettings(Map<String, String> settings) {
        return withSettings(settings, Clock.systemUTC());
    }

    /** The same, on a clock the tests move themselves (a {@link TestClock}). */
    public static PdsExtension withSettings(Map<String, String> settings, Clock clock) {
        return new PdsExtension(Map.copyOf(settings), clock);
    }

    @Override public void beforeAll(ExtensionContext context) throws IOException {
        if (running.isPresent()) return;
        Path dir = Files.createTempDirectory("aurora-pds-");
        try {
            running = Optional.of(new Running(TestPds.start(dir, settings, clock), dir, context.getRequiredTestClass()));
        } catch (RuntimeException e) {
            deleteTree(dir);   // a server that failed to start leaves no folder behind
            throw e;
        }
    }

    @Override public void afterAll(ExtensionContext context) throws IOException {
        Optional<Running> started = running.filter(r -> r.owner() == context.getRequiredTestClass());
        if (started.isEmpty()) return;
        running = Optional.empty();
        try {
            started.get().pds().close();
        } finally {
            deleteTree(started.get().dir());
        }
    }

    /** The running server, for helpers that take a {@link TestPds}. */
    public TestPds running() {
        return current().pds();
    }

    /** The server's data folder (PDS_DATA_DIRECTORY), which tests may also use for scratch files. */
    public Path dataDir() {
        return current().dir();
    }

    public PdsServer server() {
        return running().server();
    }

    public URI uri(String path) {
        return running().uri(path);
    }

    public TestPds.Response get(String path, String... headers) {
        return running().get(path, headers);
    }

    public TestPds.Response post(String path, String json, String... headers) {
        return running().post(path, json, headers);
    }

    public TestPds.Response send(HttpRequest request) {
        return running().send(request);
    }

    /** Signs up a new account over HTTP, as {@link TestAccounts#signUp} does. */
    public TestAccounts.SignedUp signUp(String prefix, String password) {
        return TestAccounts.signUp(running(), prefix, password);
    }

    private Running current() {
        return running.orElseThrow(() -> new IllegalStateException(
                "no server: PdsExtension runs only as a static @RegisterExtension field, during its class's tests"));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
