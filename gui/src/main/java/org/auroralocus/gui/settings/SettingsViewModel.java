package org.auroralocus.gui.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auroralocus.gui.GuiContext;
import org.auroralocus.server.PdsServer;
import org.auroralocus.server.config.PdsConfig;
import org.auroralocus.server.config.ConfigException;
import org.auroralocus.server.config.EnvFile;

/**
 * The form over {@code pds.env}: the well-known variables always, others as the file has them.
 * Saving checks the values with the server's own configuration rules first, rewrites the file
 * (owner-only) and restarts the server so they take effect.
 */
public final class SettingsViewModel {
    private static final List<SettingField> KNOWN = List.of(
            new SettingField("PDS_HOSTNAME", "Public hostname",
                    "The name people reach your server by, such as pds.example.com.", false,
                    "Empty: a trial on this computer only"),
            new SettingField("PDS_PORT", "Port", "The port the server listens on.", false, "2583 (default)"),
            new SettingField("PDS_DATA_DIRECTORY", "Data folder", "Where accounts, posts and pictures are kept.", false,
                    "The usual folder for your system (default)"),
            new SettingField("PDS_INVITE_REQUIRED", "Invite required", "true: new accounts need an invite code.", false,
                    "false (default): anyone can sign up"),
            new SettingField("PDS_EMAIL_SMTP_URL", "Mail server",
                    "For sending sign-in codes, such as smtps://user:password@smtp.example.com:465.", true,
                    "Empty: codes go to the Logs screen"),
            new SettingField("PDS_EMAIL_FROM_ADDRESS", "Mail sender", "The address mail comes from.", false, "Empty: no mail is sent"),
            new SettingField("PDS_CRAWLERS", "Relays", "Relays told about new posts, such as https://bsky.network.", false,
                    "Empty: no relay is told"),
            new SettingField("PDS_BLOB_UPLOAD_LIMIT", "Upload limit", "The largest picture or file, in bytes.", false,
                    "5242880 (default, 5 MB)"),
            new SettingField("PDS_ADMIN_PASSWORD", "Admin password", "The password of the admin API.", true, "Made when the server starts"),
            new SettingField("PDS_JWT_SECRET", "Session secret", "Signs sign-in sessions. Changing it signs everyone out.", true,
                    "Made when the server starts"),
            new SettingField("PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX", "Rotation key",
                    "The key that can update your accounts' identities. Keep a copy somewhere safe.", true,
                    "Made when the server starts"));
    private static final List<String> SECRET_WORDS = List.of("SECRET", "PASSWORD", "KEY");

    private final GuiContext gui;
    private final ObservableList<SettingField> fields = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper file = new ReadOnlyStringWrapper("");
    private Map<String, String> loaded = Map.of();

    public SettingsViewModel(GuiContext gui) {
        this.gui = gui;
    }

    private Path envFile() {
        return gui.host().server().get().map(s -> s.config().envFile()).orElseGet(gui.loader()::defaultEnvFile);
    }

    /** Reads the file again (in the background). */
    public void load() {
        Path path = envFile();
        gui.tasks().run(() -> Files.isRegularFile(path) ? EnvFile.read(path) : Map.<String, String>of(), values -> {
            loaded = values;
            file.set(path.toString());
            List<SettingField> all = new java.util.ArrayList<>();
            Optional<PdsConfig> running = gui.host().server().get().map(PdsServer::config);
            for (SettingField k : KNOWN) {
                SettingField f = k.withWhenEmpty(running.flatMap(c -> inUse(k.name(), c)).map(v -> v + " (in use now)")
                        .orElse(k.whenEmpty()));
                f.value().set(values.getOrDefault(k.name(), ""));
                all.add(f);
            }
            values.forEach((name, value) -> {
                if (KNOWN.stream().noneMatch(k -> k.name().equals(name))) {
                    SettingField f = new SettingField(name, name, "", SECRET_WORDS.stream().anyMatch(name::contains), "");
                    f.value().set(value);
                    all.add(f);
                }
            });
            fields.setAll(all);
            all.forEach(f -> f.value().addListener((o, a, b) -> check()));
            message.set("");
            valid.set(true);
        }, err -> message.set("Could not read " + path + ": " + err.getMessage()));
    }

    /**
     * The value the running server uses for a variable the form explains, when that can differ from
     * the file (set in the environment, or defaulted); secrets are never shown.
     */
    static Optional<String> inUse(String name, PdsConfig c) {
        return switch (name) {
            case "PDS_HOSTNAME" -> c.localTrial() ? Optional.empty() : Optional.of(c.hostname());
            case "PDS_PORT" -> Optional.of(Integer.toString(c.port()));
            case "PDS_DATA_DIRECTORY" -> Optional.of(c.dataDirectory().toString());
            case "PDS_INVITE_REQUIRED" -> Optional.of(Boolean.toString(c.inviteRequired()));
            case "PDS_CRAWLERS" -> c.firehose().crawlers().isEmpty() ? Optional.empty()
                    : Optional.of(c.firehose().crawlers().stream().map(Object::toString).collect(Collectors.joining(",")));
            case "PDS_BLOB_UPLOAD_LIMIT" -> Optional.of(Integer.toString(c.blobUploadLimit()));
            default -> Optional.empty();
        };
    }

    private Map<String, String> edited() {
        Map<String, String> values = new LinkedHashMap<>(loaded);
        for (SettingField f : fields) {
            if (f.value().get().isBlank()) values.remove(f.name());
            else values.put(f.name(), f.value().get().strip());
        }
        return values;
    }

    /** Checks the edited values with the server's rules; says what is wrong in the message. */
    public boolean check() {
        try {
            gui.loader().check(edited(), envFile());
            valid.set(true);
            message.set("");
            return true;
        } catch (ConfigException | IllegalArgumentException e) {
            valid.set(false);
            message.set(e.getMessage());
            return false;
        }
    }

    /** Saves valid values and restarts the server with them. */
    public void saveAndRestart() {
        if (!check()) return;
        Map<String, String> values = edited();
        Path path = envFile();
        gui.tasks().run(() -> EnvFile.write(path, values, "written by Aurora Locus; keep this file private"), () -> {
            loaded = values;
            message.set("Saved. The server is restarting with the new settings.");
            gui.host().restart();
        }, err -> message.set("Could not save the settings: " + err.getMessage()));
    }

    public ObservableList<SettingField> fields() { return fields; }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty valid() { return valid.getReadOnlyProperty(); }
    public ReadOnlyStringProperty file() { return file.getReadOnlyProperty(); }
}
