package org.auroralocus.gui;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.admin.AdminService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * For plain-JUnit view-model tests over the admin service: one real server per class in its own
 * folder (no FX toolkit), and the two things such view-models are given.
 */
public abstract class AdminServer {
    @TempDir static Path dir;
    protected static TestPds pds;

    @BeforeAll
    static void startServer() {
        pds = TestPds.start(dir.resolve("data"), Map.of());
    }

    @AfterAll
    static void stopServer() {
        pds.close();
    }

    protected static Optional<AdminService> admin() {
        return Optional.of(pds.server().services().admin());
    }

    protected static Optional<Handle> handle(Did did) {
        return pds.server().services().inspection().handle(did);
    }
}
