package org.auroralocus.server.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.CommitEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server killed with SIGKILL in the middle of a write load, as a power cut or the OOM killer
 * would, and started again on the same data folder: every write it acknowledged is still in its
 * repository and on the firehose (as a {@code #commit}, or covered by the {@code #sync} start-up
 * repair sends), and {@code seq} has no gap. The server runs as a separate process, so nothing
 * in this JVM can finish its work for it.
 */
class CrashRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THINGS = "com.example.thing";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int CLIENTS = 4;
    /** Acknowledged writes before the kill: enough that the kill lands in a busy write path. */
    private static final int WRITES_BEFORE_KILL = 150;

    @TempDir Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A write the server answered 200 to. */
    record Acknowledged(String rkey, String cid, Tid rev) {}

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's own entry point in a new JVM on {@code port}, data in {@link #dir}, output to a log file. */
    private Process startServer(int port, String run) throws IOException {
        String classpath = Optional.ofNullable(System.getProperty("surefire.test.class.path"))
                .orElse(System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp", classpath,
                "org.auroralocus.server.Main", "serve");
        builder.environment().put("PDS_DATA_DIRECTORY", dir.resolve("data").toString());
        builder.environment().put("PDS_PORT", String.valueOf(port));
        builder.redirectErrorStream(true).redirectOutput(dir.resolve("server-" + run + ".log").toFile());
        Process process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) throw new AssertionError("the server exited: " + Files.readString(dir.resolve("server-" + run + ".log")));
            try {
                if (get(port, "/xrpc/_health").statusCode() == 200) return process;
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) throw new AssertionError("the server did not start within " + START_TIMEOUT);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    private HttpResponse<String> post(int port, String nsid, Object body, Optional<String> token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/xrpc/" + nsid))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
            return send(b.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> create(String did, String rkey) {
        return Map.of("repo", did, "collection", THINGS, "rkey", rkey,
                "record", Map.of("$type", THINGS, "text", "thing " + rkey, "createdAt", "2026-11-28T12:00:00.000Z"));
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillInRepositoryAndFirehose() throws Exception {
        // both runs must share the secrets (the PLC rotation key above all), so they are written before the first
        Files.createDirectories(dir.resolve("data"));
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        Files.writeString(dir.resolve("data/pds.env"), "PDS_JWT_SECRET=" + HexFormat.of().formatHex(secret) + "\n"
                + "PDS_ADMIN_PASSWORD=crash-test-admin\n"
                + "PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX=" + KeyPair.generate(Curve.K256, random).privateKeyHex() + "\n");

        int port = freePort();
        Process first = startServer(port, "first");
        String did;
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        try {
            JsonNode account = json(post(port, "com.atproto.server.createAccount",
                    Map.of("handle", "crash.test", "email", "crash@example.com", "password", "crash pw"), Optional.empty()));
            did = account.get("did").asText();
            String token = account.get("accessJwt").asText();

            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int i = 0; !killed.get(); i++) {
                        String rkey = "c" + client + "-" + i;
                        try {
                            HttpResponse<String> r = post(port, "com.atproto.repo.createRecord", create(did, rkey), Optional.of(token));
                            if (r.statusCode() != 200) {
                                if (killed.get()) return null;
                                throw new AssertionError("a write failed before the kill: " + r.body());
                            }
                            JsonNode answer = JSON.readTree(r.body());
                            acknowledged.add(new Acknowledged(rkey, answer.get("cid").asText(),
                                    Tid.parse(answer.at("/commit/rev").asText())));
                        } catch (UncheckedIOException e) {
                            if (killed.get()) return null; // the connection died with the server: not acknowledged
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (acknowledged.size() < WRITES_BEFORE_KILL) {
                if (System.nanoTime() > deadline) throw new AssertionError("only " + acknowledged.size() + " writes in 20 s");
                for (Future<?> f : clients) if (f.isDone()) f.get();
                LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
            }
            killed.set(true);
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
            assertTrue(first.waitFor(10, TimeUnit.SECONDS), "the first server is gone");
            for (Future<?> f : clients) f.get(30, TimeUnit.SECONDS);
            pool.shutdown();
        } finally {
            first.destroyForcibly();
        }
        assertTrue(acknowledged.size() >= WRITES_BEFORE_KILL);

        int secondPort = freePort();
        Process second = startServer(secondPort, "second");
        try {
            for (Acknowledged write : acknowledged) {
                JsonNode record = json(get(secondPort, "/xrpc/com.atproto.repo.getRecord?repo=" + did + "&collection=" + THINGS
                        + "&rkey=" + write.rkey()));
                assertEquals(write.cid(), record.get("cid").asText(), "acknowledged " + write.rkey() + " is in the repository");
            }

            // a marker written after the restart is where the log's head is known to be
            String token = json(post(secondPort, "com.atproto.server.createSession",
                    Map.of("identifier", did, "password", "crash pw"), Optional.empty())).get("accessJwt").asText();
            String marker = json(post(secondPort, "com.atproto.repo.createRecord", create(did, "marker"), Optional.of(token)))
                    .at("/commit/rev").asText();

            Map<String, String> committed = new HashMap<>(); // path -> cid, from #commit ops
            Optional<Tid> repairedUpTo = Optional.empty();
            try (FirehoseClient client = FirehoseClient.connect(secondPort, "?cursor=0")) {
                long expectedSeq = 1;
                while (true) {
                    FirehoseClient.Received frame = client.next();
                    assertEquals(1, frame.op(), "an event, not an error: " + frame.body());
                    assertEquals(expectedSeq++, frame.seq(), "seq is gapless across the crash");
                    DataValue.MapValue body = frame.body();
                    if (frame.type().equals("#commit") && body.text("repo").orElseThrow().equals(did)) {
                        for (DataValue.MapValue op : CommitEvents.ops(body)) {
                            CommitEvents.link(op, "cid").ifPresent(cid -> committed.put(op.text("path").orElseThrow(), cid.toString()));
                        }
                        if (body.text("rev").orElseThrow().equals(marker)) break;
                    } else if (frame.type().equals("#sync") && body.text("did").orElseThrow().equals(did)) {
                        repairedUpTo = Optional.of(Tid.parse(body.text("rev").orElseThrow()));
                    }
                }
            }
            for (Acknowledged write : acknowledged) {
                String path = THINGS + "/" + write.rkey();
                boolean inCommit = write.cid().equals(committed.get(path));
                // a #sync carries the repository's whole state at its rev: it covers every commit up to it
                boolean inSync = repairedUpTo.map(rev -> rev.compareTo(write.rev()) >= 0).orElse(false);
                assertTrue(inCommit || inSync, path + " (rev " + write.rev() + ") is on the firehose");
            }
        } finally {
            second.destroy();
            second.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
