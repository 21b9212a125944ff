package org.auroralocus.atproto.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The kit beside the repository ({@code ../shared}: interop vectors, lexicons, docs), read in place.
 *
 * <p>Resolved from the reactor root through the {@code aurora.kit} system property that the parent
 * pom sets, never from the module's working directory: from {@code shared/} a relative
 * {@code ../shared} is this module itself. Without the kit the interop tests are skipped with one
 * message, except under CI ({@code CI=true}), where a missing kit fails the build: CI must prove the
 * vectors pass, not that they were absent.
 */
public final class Kit {
    private Kit() {}

    /** The kit folder; skips (or, under CI, fails) the calling test when it is absent. */
    public static Path root() {
        String configured = System.getProperty("aurora.kit");
        Path root = configured == null ? null : Path.of(configured).toAbsolutePath().normalize();
        boolean present = root != null && Files.isDirectory(root.resolve("atproto-interop-tests"));
        if (!present) {
            String why = "the kit (../shared beside the repository, with atproto-interop-tests) was not found at " + root;
            if (underCi()) throw new IllegalStateException(why + "; under CI the interop vectors are required");
            Assumptions.abort(why + ": interop tests skipped");
        }
        return root;
    }

    public static Path vectors(String relative) {
        return root().resolve("atproto-interop-tests").resolve(relative);
    }

    public static Path lexicons() {
        return root().resolve("lexicons");
    }

    /**
     * The test lines of a line-based vector file: empty lines and lines starting with '#' are not
     * tests; nothing is trimmed, because leading and trailing spaces are deliberate cases.
     */
    public static List<String> vectorLines(String relative) {
        try {
            return Files.readAllLines(vectors(relative), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
