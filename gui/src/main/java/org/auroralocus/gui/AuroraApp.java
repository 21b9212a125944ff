package org.auroralocus.gui;

import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.auroralocus.server.PdsServer;
import org.auroralocus.server.config.ConfigLoader;

/**
 * The window: starts the server in-process off the FX thread and says where it answers. Closing
 * the window stops the server.
 */
public final class AuroraApp extends Application {
    private volatile PdsServer server;

    @Override public void start(Stage stage) {
        Label status = new Label("Starting Aurora Locus…");
        status.setId("status");
        VBox root = new VBox(12, status);
        root.setPadding(new Insets(24));
        stage.setTitle("Aurora Locus");
        stage.setScene(new Scene(root, 640, 400));
        stage.show();
        org.auroralocus.gui.instance.SingleInstance.onActivate(() -> Platform.runLater(() -> { stage.setIconified(false); stage.show(); stage.toFront(); }));

        Task<PdsServer> starting = new Task<>() {
            @Override protected PdsServer call() {
                return PdsServer.start(ConfigLoader.forThisMachine().load(Optional.empty()));
            }
        };
        starting.setOnSucceeded(e -> {
            server = starting.getValue();
            status.setText("Running at " + server.config().publicUrl());
        });
        starting.setOnFailed(e -> status.setText("Aurora Locus could not start: " + starting.getException().getMessage()));
        Thread.ofPlatform().daemon().name("server-start").start(starting);
    }

    @Override public void stop() {
        PdsServer running = server;
        if (running != null) running.close();
        Platform.exit();
    }
}
