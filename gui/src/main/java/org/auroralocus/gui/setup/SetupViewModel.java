package org.auroralocus.gui.setup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.gui.TaskRunner;
import org.auroralocus.server.account.EmailTokenPurpose;
import org.auroralocus.server.config.ConfigException;
import org.auroralocus.server.config.ConfigLoader;
import org.auroralocus.server.config.EnvFile;
import org.auroralocus.server.mail.Mailer;

/**
 * The wizard's answers and rules. Each step is checked before the next one opens, with the
 * server's own configuration rules as the last word, and {@link #finish} writes {@code pds.env}
 * with fresh secrets where the application will look for it next time.
 */
public final class SetupViewModel {
    public static final List<String> STEPS = List.of("Welcome", "Address", "Storage", "Admin password", "E-mail", "Finish");

    private final TaskRunner tasks;
    private final ConfigLoader loader;
    private final Map<String, String> secrets;
    private final IntegerProperty step = new SimpleIntegerProperty(0);
    private final BooleanProperty localTrial = new SimpleBooleanProperty(true);
    private final StringProperty hostname = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("2583");
    private final StringProperty dataFolder = new SimpleStringProperty();
    private final StringProperty smtpUrl = new SimpleStringProperty("");
    private final StringProperty fromAddress = new SimpleStringProperty("");
    private final StringProperty testAddress = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public SetupViewModel(TaskRunner tasks, ConfigLoader loader) {
        this.tasks = tasks;
        this.loader = loader;
        this.secrets = loader.newSecrets();
        dataFolder.set(loader.defaultDataDirectory().toString());
        step.addListener((o, a, b) -> {
            problem.set("");
            note.set("");
        });
    }

    /** The generated admin password, shown once on its step. */
    public String adminPassword() {
        return secrets.get("PDS_ADMIN_PASSWORD");
    }

    /** Where the configuration will be written. */
    public Path envFile() {
        return loader.defaultEnvFile();
    }

    /** Goes to the next step if this one is complete; otherwise says what is missing. */
    public boolean next() {
        Optional<String> wrong = problemWith(step.get());
        problem.set(wrong.orElse(""));
        if (wrong.isPresent()) return false;
        if (step.get() < STEPS.size() - 1) step.set(step.get() + 1);
        return true;
    }

    public void back() {
        if (step.get() > 0) step.set(step.get() - 1);
    }

    Optional<String> problemWith(int page) {
        return switch (STEPS.get(page)) {
            case "Address" -> addressProblem();
            case "Storage" -> folderProblem();
            case "E-mail" -> mailProblem();
            case "Finish" -> configurationProblem();
            default -> Optional.empty();
        };
    }

    private Optional<String> addressProblem() {
        int p;
        try {
            p = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            return Optional.of("The port must be a number between 1 and 65535, such as 2583.");
        }
        if (p < 0 || p > 65535) return Optional.of("The port must be a number between 1 and 65535, such as 2583.");
        if (localTrial.get()) return Optional.empty();
        String h = hostname.get().strip();
        if (h.isEmpty()) return Optional.of("Enter the public hostname, such as pds.example.com, or go back and choose a trial.");
        if (h.contains("://") || h.contains("/")) return Optional.of("Enter only the name, such as pds.example.com, without https:// or a path.");
        if (!h.matches("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}")) {
            return Optional.of("\"" + h + "\" is not a hostname. It looks like pds.example.com: letters, digits, dashes and dots.");
        }
        return Optional.empty();
    }

    private Optional<String> folderProblem() {
        Path folder;
        try {
            folder = Path.of(dataFolder.get().strip());
        } catch (InvalidPathException e) {
            return Optional.of("That is not a folder name this computer accepts.");
        }
        if (dataFolder.get().isBlank() || !folder.isAbsolute()) return Optional.of("Choose a folder with Browse…, or enter its full path.");
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".write-check", ".tmp");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("Aurora Locus cannot write to " + folder + ". Choose a folder you own, such as one in your home folder.");
        }
    }

    private Optional<String> mailProblem() {
        if (smtpUrl.get().isBlank() && fromAddress.get().isBlank()) return Optional.empty();
        return configurationProblem();
    }

    private Optional<String> configurationProblem() {
        try {
            loader.check(settings(), envFile());
            return Optional.empty();
        } catch (ConfigException | IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** What {@code pds.env} will hold. */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        if (!localTrial.get()) s.put("PDS_HOSTNAME", hostname.get().strip().toLowerCase(java.util.Locale.ROOT));
        s.put("PDS_PORT", port.get().strip());
        s.put("PDS_DATA_DIRECTORY", dataFolder.get().strip());
        if (!smtpUrl.get().isBlank()) s.put("PDS_EMAIL_SMTP_URL", smtpUrl.get().strip());
        if (!fromAddress.get().isBlank()) s.put("PDS_EMAIL_FROM_ADDRESS", fromAddress.get().strip());
        s.putAll(secrets);
        return s;
    }

    /** Looks the hostname up in DNS and says, in plain words, where it points. */
    public void checkHostname() {
        Optional<String> wrong = addressProblem();
        if (wrong.isPresent()) {
            problem.set(wrong.get());
            return;
        }
        String h = hostname.get().strip();
        busy.set(true);
        tasks.run(() -> Arrays.stream(InetAddress.getAllByName(h)).map(InetAddress::getHostAddress).collect(Collectors.joining(", ")),
                addresses -> {
                    busy.set(false);
                    problem.set("");
                    note.set(h + " points to " + addresses + ". That must be this computer's public address "
                            + "(or your router's, forwarding port 443 here through an HTTPS proxy).");
                },
                err -> {
                    busy.set(false);
                    problem.set(err instanceof UnknownHostException
                            ? h + " is not in DNS yet. Add an A record for it at your domain provider, wait a few minutes, and check again."
                            : "Could not look up " + h + ": " + err.getMessage());
                });
    }

    /** Sends a message through the mail server given, to {@link #testAddress()}. */
    public void sendTestMail() {
        Optional<String> wrong = smtpUrl.get().isBlank() || fromAddress.get().isBlank()
                ? Optional.of("Enter the mail server and the sender address first.") : configurationProblem();
        if (wrong.isEmpty() && !testAddress.get().contains("@")) wrong = Optional.of("Enter the address to send the test to.");
        if (wrong.isPresent()) {
            problem.set(wrong.get());
            return;
        }
        var email = loader.check(settings(), envFile()).email();
        String to = testAddress.get().strip();
        busy.set(true);
        tasks.run(() -> Mailer.forSetting(email).sendCode(Did.parse("did:web:localhost"), to, EmailTokenPurpose.CONFIRM_EMAIL, "TEST-MAIL"),
                () -> {
                    busy.set(false);
                    problem.set("");
                    note.set("A test message is on its way to " + to + ". If it does not arrive, check the mail server and password.");
                },
                err -> {
                    busy.set(false);
                    problem.set("The mail server did not accept the message: " + err.getMessage());
                });
    }

    /** Writes {@code pds.env} (in the background), then runs {@code done}. */
    public void finish(Runnable done) {
        if (!next()) return;
        Map<String, String> values = settings();
        Path file = envFile();
        busy.set(true);
        tasks.run(() -> EnvFile.write(file, values, "written by the Aurora Locus setup; it holds secrets: keep it private"),
                () -> {
                    busy.set(false);
                    done.run();
                },
                err -> {
                    busy.set(false);
                    problem.set("Could not save the settings to " + file + ": " + err.getMessage());
                });
    }

    public IntegerProperty step() { return step; }
    public BooleanProperty localTrial() { return localTrial; }
    public StringProperty hostname() { return hostname; }
    public StringProperty port() { return port; }
    public StringProperty dataFolder() { return dataFolder; }
    public StringProperty smtpUrl() { return smtpUrl; }
    public StringProperty fromAddress() { return fromAddress; }
    public StringProperty testAddress() { return testAddress; }
    public ReadOnlyStringProperty problem() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty note() { return note.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busy() { return busy.getReadOnlyProperty(); }
}
