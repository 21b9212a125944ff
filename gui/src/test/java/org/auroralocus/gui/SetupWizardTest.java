package org.auroralocus.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Stage;
import org.auroralocus.gui.setup.SetupView;
import org.auroralocus.gui.setup.SetupViewModel;
import org.auroralocus.server.PdsServer;
import org.auroralocus.server.config.ConfigLoader;
import org.auroralocus.server.config.EnvFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SetupWizardTest {
    @TempDir Path home;
    static final FxTaskRunner TASKS = new FxTaskRunner();
    SetupViewModel model;
    ConfigLoader loader;
    final AtomicBoolean finished = new AtomicBoolean();

    @Start
    void start(Stage stage) {
        loader = GuiHarness.loader(home);
        model = new SetupViewModel(TASKS, loader);
        GuiHarness.show(stage, (javafx.scene.Parent) new SetupView(model, () -> finished.set(true)).node());
    }

    @AfterAll
    static void stop() {
        TASKS.close();
    }

    @Test
    void theWizardWritesAConfigurationOnWhichTheServerStarts(FxRobot robot) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = home.resolve("my data");
        robot.clickOn("#setup-trial");
        robot.clickOn("#setup-next");
        int chosenPort = port;
        GuiHarness.onFx(() -> {
            model.port().set(Integer.toString(chosenPort));
            return null;
        });
        robot.clickOn("#setup-next");
        GuiHarness.onFx(() -> {
            model.dataFolder().set(data.toString());
            return null;
        });
        robot.clickOn("#setup-next");
        String password = robot.lookup("#setup-admin-password").queryTextInputControl().getText();
        assertEquals(32, password.length(), "a generated password is shown");
        robot.clickOn("#setup-next");
        robot.clickOn("#setup-next");
        robot.clickOn("#setup-finish");
        GuiHarness.await("the file", finished::get, b -> b);

        Path envFile = loader.defaultEnvFile();
        assertTrue(Files.isRegularFile(envFile), "written where the next start looks: " + envFile);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(envFile), "it holds secrets");
        var written = EnvFile.read(envFile);
        assertEquals(password, written.get("PDS_ADMIN_PASSWORD"));
        assertTrue(written.containsKey("PDS_JWT_SECRET") && written.containsKey("PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX"));
        assertFalse(written.containsKey("PDS_HOSTNAME"), "a local trial has no hostname");

        long before = Files.size(envFile);
        try (PdsServer server = PdsServer.start(GuiHarness.loader(home).load(Optional.empty()))) {
            assertEquals(before, Files.size(envFile), "nothing was missing: no secret had to be generated");
            assertEquals(data, server.config().dataDirectory());
            var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/xrpc/com.atproto.server.describeServer")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("did:web:localhost"), r.body());
        }
    }

    @Test
    void aHostnameWithASchemeIsRefusedInPlainWords(FxRobot robot) throws Exception {
        robot.clickOn("#setup-public");
        robot.clickOn("#setup-next");
        GuiHarness.onFx(() -> {
            model.hostname().set("https://pds.example.com/");
            return null;
        });
        robot.clickOn("#setup-next");
        assertEquals("Enter only the name, such as pds.example.com, without https:// or a path.",
                robot.lookup("#setup-problem").queryLabeled().getText());
        assertTrue(robot.lookup("#setup-hostname").tryQuery().isPresent(), "still on the address step");
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefused(FxRobot robot) throws Exception {
        // a file where a folder should be: refused for any user (permissions do not stop root)
        Path locked = Files.writeString(home.resolve("locked"), "a file, not a folder");
        robot.clickOn("#setup-next");
        robot.clickOn("#setup-next");
        GuiHarness.onFx(() -> {
            model.dataFolder().set(locked.resolve("inside").toString());
            return null;
        });
        robot.clickOn("#setup-next");
        assertTrue(robot.lookup("#setup-problem").queryLabeled().getText().startsWith("Aurora Locus cannot write to"));
    }
}
