package org.auroralocus.gui;

/** Where the in-process server is in its life, as the window shows it. */
public enum ServerState {
    STOPPED("Stopped"), STARTING("Starting…"), RUNNING("Running"), STOPPING("Stopping…"), FAILED("Could not start");

    private final String label;

    ServerState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
