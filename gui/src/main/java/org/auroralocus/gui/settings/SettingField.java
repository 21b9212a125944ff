package org.auroralocus.gui.settings;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One {@code pds.env} variable on the form: its name, a label and help in plain words, whether it
 * is a secret (shown masked), and its value as edited.
 */
public final class SettingField {
    private final String name;
    private final String label;
    private final String help;
    private final boolean secret;
    private final StringProperty value = new SimpleStringProperty("");

    SettingField(String name, String label, String help, boolean secret) {
        this.name = name;
        this.label = label;
        this.help = help;
        this.secret = secret;
    }

    public String name() { return name; }
    public String label() { return label; }
    public String help() { return help; }
    public boolean secret() { return secret; }
    public StringProperty value() { return value; }
}
