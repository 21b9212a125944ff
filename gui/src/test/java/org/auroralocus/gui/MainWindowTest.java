package org.auroralocus.gui;

import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The TestFX set-up the window tests share: one real server per test class (in its own folder, with
 * the class's {@link #settings()}), and before each test a fresh {@link MainWindow} over it in the
 * 1280x800 stage. TestFX looks for {@code @Start} only on the test class itself, so the window is
 * shown here with {@link FxToolkit#setupStage} instead.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MainWindowTest {
    @TempDir static Path dir;
    GuiHarness harness;
    MainWindow window;
    Scene scene;

    /** Server settings for this class, as environment variables. */
    Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    final void startServer() throws Exception {
        harness = GuiHarness.started(dir, settings());
    }

    @AfterAll
    final void stopServer() {
        harness.close();
    }

    @BeforeEach
    final void showWindow() throws Exception {
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(harness.gui);
            scene = GuiHarness.show(stage, window.root());
        });
    }
}
