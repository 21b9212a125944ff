package org.auroralocus.server;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.auroralocus.server.config.ConfigException;
import org.auroralocus.server.config.ConfigLoader;
import org.auroralocus.server.config.PdsConfig;

/** The command line entry point the {@code aurora} launcher runs: {@code serve [--env FILE]} and {@code version}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String verb = args.length == 0 ? "version" : args[0];
        switch (verb) {
            case "version", "--version" -> System.out.println("Aurora Locus " + AuroraVersion.current());
            case "serve" -> serve(args);
            default -> fail(2, "unknown command '" + verb + "' (known: serve [--env FILE], version)");
        }
    }

    private static void serve(String[] args) {
        Optional<Path> envFile = Optional.empty();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--env") && i + 1 < args.length) envFile = Optional.of(Path.of(args[++i]));
            else fail(2, "unknown option '" + args[i] + "' (serve takes --env FILE)");
        }
        PdsConfig config;
        try {
            config = ConfigLoader.forThisMachine().load(envFile);
        } catch (ConfigException e) {
            fail(1, e.getMessage());
            return;
        }
        PdsServer server;
        try {
            server = PdsServer.start(config);
        } catch (RuntimeException e) {
            // one line for the owner (a busy port, an unwritable data folder); the details go to the log
            System.getLogger(Main.class.getName()).log(System.Logger.Level.DEBUG, "start failed", e);
            fail(1, "could not start: " + rootMessage(e));
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        System.out.println("Aurora Locus is running at " + server.config().publicUrl() + " (data in " + config.dataDirectory() + ")");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    private static void fail(int code, String message) {
        System.err.println("aurora: " + message);
        System.exit(code);
    }
}
