package org.auroralocus.atproto.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.auroralocus.atproto.kit.Kit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a script of {@code shared/src/test/node} ({@code interop.mjs} unless told otherwise) with
 * Node 22 and the official npm packages that {@code ./aurora test} installs. Without them the checks
 * are skipped with one message, except under CI, where they must run. Public so that the interop
 * tests of other packages run their scripts the same way.
 */
public final class OfficialPackages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    private final Path node;
    private final Path script;

    private OfficialPackages(Path node, Path script) {
        this.node = node;
        this.script = script;
    }

    /** The runner of {@code interop.mjs}; skips (or, under CI, fails) the calling test when Node or the packages are missing. */
    static OfficialPackages locate() {
        return locate("interop.mjs", "@atproto/repo");
    }

    /**
     * The runner of {@code scriptName} (in {@code shared/src/test/node}), which needs the npm package
     * {@code requiredPackage}; skips (or, under CI, fails) the calling test when Node or the package is missing.
     */
    public static OfficialPackages locate(String scriptName, String requiredPackage) {
        Path root = Path.of(System.getProperty("aurora.root", ".")).toAbsolutePath().normalize();
        Path script = root.resolve("shared/src/test/node").resolve(scriptName);
        Path node = Path.of(System.getProperty("aurora.node", root.resolve(".tools/node/node_modules/node/bin/node").toString()));
        boolean ready = Files.isExecutable(node) && Files.isRegularFile(script)
                && Files.isDirectory(script.resolveSibling("node_modules").resolve(requiredPackage));
        if (!ready) {
            String why = "Node 22 or the official npm packages are not installed (" + node + "); ./aurora test installs them";
            if (Kit.underCi()) throw new IllegalStateException(why + "; under CI the independent check is required");
            Assumptions.abort(why + ": independent check skipped");
        }
        return new OfficialPackages(node, script);
    }

    /** Runs one command of the script and returns its JSON answer, whether the check passed or not. */
    public JsonNode run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(node.toString(), script.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(script.getParent().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(script.getFileName() + " " + args[0] + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) throw new IllegalStateException(script.getFileName() + " " + args[0] + " printed nothing (exit " + process.exitValue() + ")");
        return JSON.readTree(text);
    }
}
