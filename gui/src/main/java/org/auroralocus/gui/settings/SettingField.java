package org.auroralocus.gui.settings;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One {@code pds.env} variable on the form: its name, a label and help in plain words, whether it
 * is a secret (shown masked), what an empty field means (the default, or the value in use), and its
 * value as edited.
 */
public final class SettingField {
    private final String name;
    private final String label;
    private final String help;
    private final boolean secret;
    private final String whenEmpty;
    private final StringProperty value = new SimpleStringProperty("");

    SettingField(String name, String label, String help, boolean secret, String whenEmpty) {
        this.name = name;
        this.label = label;
        this.help = help;
        this.secret = secret;
        this.whenEmpty = whenEmpty;
    }

    SettingField withWhenEmpty(String text) {
        return new SettingField(name, label, help, secret, text);
    }

    public String name() { return name; }
    public String label() { return label; }
    public String help() { return help; }
    public boolean secret() { return secret; }
    /** The field's placeholder: what the server uses when the file leaves the variable out. */
    public String whenEmpty() { return whenEmpty; }
    public StringProperty value() { return value; }
}
