package org.auroralocus.server.ratelimit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.auroralocus.atproto.kit.Kit;
import org.junit.jupiter.api.Assumptions;

/**
 * A redis-server process of the test's own, on a free loopback port, without persistence, stopped on
 * close: tests never depend on a system service. Without the Debian package (./aurora test installs
 * it) the calling test is skipped with one message, except under CI, where it must run.
 */
final class RedisServer implements AutoCloseable {
    private final Process process;
    private final RedisAddress address;

    private RedisServer(Process process, RedisAddress address) {
        this.process = process;
        this.address = address;
    }

    static RedisServer start(Path workDir) throws IOException {
        Path binary = locate();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", workDir.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("redis.log").toFile()).start();
        RedisServer server = new RedisServer(process, new RedisAddress("127.0.0.1", port));
        server.awaitListening();
        return server;
    }

    RedisAddress address() {
        return address;
    }

    private static Path locate() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
            if (Files.isExecutable(candidate)) return candidate;
        }
        for (Path candidate : new Path[] {Path.of("/usr/bin/redis-server"), Path.of("/usr/sbin/redis-server")}) {
            if (Files.isExecutable(candidate)) return candidate;
        }
        String why = "redis-server is not installed (apt-get install redis-server; ./aurora test installs it)";
        if (Kit.underCi()) throw new IllegalStateException(why + "; under CI the shared rate limit tests are required");
        Assumptions.abort(why + ": shared rate limit tests skipped");
        throw new AssertionError("unreachable");
    }

    /** Connection attempts until it accepts (a process start, not a timed wait), for at most 10 seconds. */
    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), address.port())) {
                return;
            } catch (IOException e) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    close();
                    throw new IOException("redis-server did not start on " + address, e);
                }
                Thread.onSpinWait();
            }
        }
    }

    @Override public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
