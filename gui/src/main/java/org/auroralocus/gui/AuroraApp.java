package org.auroralocus.gui;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.auroralocus.gui.instance.SingleInstance;
import org.auroralocus.gui.logs.LogRing;
import org.auroralocus.gui.setup.SetupView;
import org.auroralocus.gui.setup.SetupViewModel;
import org.auroralocus.server.PdsServer;
import org.auroralocus.server.config.ConfigLoader;

/**
 * The window: the setup wizard on the first start (no {@code pds.env} yet), then the main window
 * with the server started in-process off the FX thread. Closing the window stops the server.
 */
public final class AuroraApp extends Application {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private final LogRing logs = new LogRing(5000);
    private final FxTaskRunner tasks = new FxTaskRunner();
    private ServerHost host;

    @Override public void start(Stage stage) {
        logs.installOnRoot();
        ConfigLoader loader = ConfigLoader.forThisMachine();
        host = new ServerHost(tasks, Clock.systemUTC(), () -> PdsServer.start(loader.load(Optional.empty())));
        GuiContext gui = new GuiContext(host, tasks, logs, Clock.systemUTC(), Platform::runLater, loader);
        Scene scene = new Scene(new Pane(), WIDTH, HEIGHT);
        style(scene);
        stage.setTitle("Aurora Locus");
        stage.getIcons().add(new Image(AuroraApp.class.getResource("aurora-locus.png").toExternalForm()));
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setScene(scene);
        SingleInstance.onActivate(() -> Platform.runLater(() -> { stage.setIconified(false); stage.show(); stage.toFront(); }));
        // a configuration in the environment (PDS_HOSTNAME set by a service manager) needs no wizard either
        if (Files.isRegularFile(loader.defaultEnvFile()) || System.getenv("PDS_HOSTNAME") != null) {
            openMain(scene, gui);
        } else {
            SetupViewModel setup = new SetupViewModel(tasks, loader);
            scene.setRoot((Parent) new SetupView(setup, () -> openMain(scene, gui)).node());
        }
        stage.show();
    }

    private static void openMain(Scene scene, GuiContext gui) {
        scene.setRoot(new MainWindow(gui).root());
        gui.host().start();
    }

    /** The application's stylesheet, for its scene (tests style theirs the same way). */
    public static void style(Scene scene) {
        scene.getStylesheets().add(AuroraApp.class.getResource("aurora.css").toExternalForm());
    }

    @Override public void stop() {
        if (host != null) host.close();
        tasks.close();
        logs.uninstall();
    }
}
