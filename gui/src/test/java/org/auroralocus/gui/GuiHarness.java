package org.auroralocus.gui;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.gui.logs.LogRing;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.config.ConfigLoader;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A GUI over a real server in its own data folder: the application's task runner, log ring and
 * server host, with the server started through {@link TestPds} (a local trial on a free port) so
 * tests can also speak XRPC to it.
 */
final class GuiHarness implements AutoCloseable {
    static final SecureRandom RANDOM = new SecureRandom();
    final Path dir;
    final LogRing logs = new LogRing(2000).installOnRoot();
    final FxTaskRunner tasks = new FxTaskRunner();
    final ServerHost host;
    final GuiContext gui;
    private volatile TestPds pds;

    private GuiHarness(Path dir, Map<String, String> settings) {
        this.dir = dir;
        this.host = new ServerHost(tasks, Clock.systemUTC(), () -> {
            pds = TestPds.start(dir.resolve("data"), settings);
            return pds.server();
        });
        this.gui = new GuiContext(host, tasks, logs, Clock.systemUTC(), Platform::runLater, loader(dir));
    }

    /** A loader for this test's folder alone: no environment, the home folder inside {@code dir}. */
    static ConfigLoader loader(Path home) {
        return new ConfigLoader(Map.of(), "Linux", home, RANDOM, () -> KeyPair.generate(Curve.K256, RANDOM).privateKeyHex());
    }

    /** Starts the FX toolkit if needed, then the server, and waits until it runs. */
    static GuiHarness started(Path dir, Map<String, String> settings) throws Exception {
        FxToolkit.registerPrimaryStage();
        GuiHarness h = new GuiHarness(dir, settings);
        Platform.runLater(h.host::start);
        h.awaitRunning();
        return h;
    }

    void awaitRunning() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> host.state().get() == ServerState.RUNNING
                || host.state().get() == ServerState.FAILED);
        if (host.state().get() != ServerState.RUNNING) throw new AssertionError("server did not start: " + host.problem().get());
    }

    TestPds pds() {
        return pds;
    }

    /** Puts {@code root} in a 1280x800 scene with the application's stylesheet on {@code stage}. */
    static Scene show(Stage stage, Parent root) {
        Scene scene = new Scene(root, AuroraApp.WIDTH, AuroraApp.HEIGHT);
        AuroraApp.style(scene);
        stage.setScene(scene);
        stage.setWidth(AuroraApp.WIDTH);
        stage.setHeight(AuroraApp.HEIGHT);
        stage.show();
        return scene;
    }

    /** Runs {@code read} on the FX thread and returns its result. */
    static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    static <T> T await(String what, java.util.concurrent.Callable<T> read, Function<T, Boolean> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        T value;
        do {
            WaitForAsyncUtils.waitForFxEvents();
            value = onFx(read);
            if (done.apply(value)) return value;
        } while (System.nanoTime() < deadline);
        throw new AssertionError("timed out waiting for " + what + "; last saw " + value);
    }

    @Override public void close() {
        host.close();
        tasks.close();
        logs.uninstall();
    }
}
