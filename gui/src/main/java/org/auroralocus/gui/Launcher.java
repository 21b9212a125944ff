package org.auroralocus.gui;

import javafx.application.Application;

/**
 * The desktop application's entry point. It must not extend {@link Application} itself: with
 * JavaFX on the class path, a main class that does is refused with "JavaFX runtime components
 * are missing".
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (!org.auroralocus.gui.instance.SingleInstance.claim()) return; // a second launch shows the first window
        Application.launch(AuroraApp.class, args);
    }
}
