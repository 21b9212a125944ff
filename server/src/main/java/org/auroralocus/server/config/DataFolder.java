package org.auroralocus.server.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The per-user application data folder of each OS, where the data and {@code pds.env} live by default. */
final class DataFolder {
    private DataFolder() {}

    static Path defaultFor(String osName, Path userHome, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String localAppData = environment.get("LOCALAPPDATA");
            Path base = localAppData != null && !localAppData.isBlank()
                    ? Path.of(localAppData)
                    : userHome.resolve("AppData").resolve("Local");
            return base.resolve("Aurora Locus");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Aurora Locus");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
        return base.resolve("aurora-locus");
    }
}
