package org.auroralocus.gui.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lock sits where the server reads {@code pds.env}: DESIGN.md's per-user data folder. */
class SingleInstanceTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test void linuxUsesXdgDataHomeElseLocalShare() {
        assertEquals(Path.of("/home/ada/.local/share/aurora-locus"), SingleInstance.dataFolder(Map.of(), "Linux", HOME));
        assertEquals(Path.of("/data/aurora-locus"),
                SingleInstance.dataFolder(Map.of("XDG_DATA_HOME", "/data"), "Linux", HOME));
    }

    @Test void windowsUsesLocalAppData() {
        assertEquals(Path.of("/lad/Aurora Locus"),
                SingleInstance.dataFolder(Map.of("LOCALAPPDATA", "/lad"), "Windows 11", HOME));
    }

    @Test void macUsesApplicationSupport() {
        assertEquals(Path.of("/home/ada/Library/Application Support/Aurora Locus"),
                SingleInstance.dataFolder(Map.of(), "Mac OS X", HOME));
    }

    @Test void pdsDataDirectoryWins() {
        assertEquals(Path.of("/srv/pds"),
                SingleInstance.dataFolder(Map.of("PDS_DATA_DIRECTORY", "/srv/pds", "XDG_DATA_HOME", "/data"), "Linux", HOME));
    }
}
