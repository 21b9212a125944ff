package org.auroralocus.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.server.config.ConfigLoader;
import org.auroralocus.server.config.PdsConfig;

/** The configuration every benchmark runs with: a local-trial server on a free port with a fresh data folder. */
final class BenchConfig {
    private BenchConfig() {}

    static PdsConfig fresh(String folderPrefix) throws IOException {
        Path dir = Files.createTempDirectory(folderPrefix);
        SecureRandom random = new SecureRandom();
        Map<String, String> env = Map.of("PDS_DATA_DIRECTORY", dir.toString(), "PDS_PORT", "0");
        return new ConfigLoader(env, System.getProperty("os.name"), dir, random,
                () -> KeyPair.generate(Curve.K256, random).privateKeyHex()).load(Optional.empty());
    }
}
