package org.auroralocus.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.server.PdsServer;
import org.auroralocus.server.config.PdsConfig;

/**
 * The firehose rows of PERFORMANCE.md against a real server on loopback: 4 clients write records
 * (each to its own repository) while 1, 10 and then 100 WebSocket subscribers listen live. For each
 * count: #commit events per second produced (acknowledged writes), per second delivered to every
 * subscriber, and the delay from a write's acknowledgement at its client to the event's arrival at
 * a subscriber (p50 and p99 over all subscribers; an event that arrives before its write's answer
 * counts as 0).
 */
public final class FirehoseBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    private static final Duration DRAIN = Duration.ofSeconds(30);
    private static final int WRITERS = 4;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;

    private FirehoseBenchmark(int port) {
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        PdsConfig config = BenchConfig.fresh("aurora-firehose-bench");
        try (PdsServer server = PdsServer.start(config)) {
            new FirehoseBenchmark(server.port()).run();
        }
    }

    private record Session(String did, String token) {}

    private void run() throws Exception {
        List<Session> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) writers.add(signUp("fh" + i));
        for (int i = 0; i < 200; i++) createPost(writers.get(i % WRITERS)); // warm-up
        System.out.println("| firehose, 4 writing clients | produced | delivered to all | delay p50 | delay p99 | dropped |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (int subscribers : new int[] {1, 10, 100}) report(subscribers, writers);
    }

    /** A live subscriber that notes when each #commit (by commit CID) arrived. */
    private static final class Subscriber implements WebSocket.Listener {
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        final AtomicReference<String> closed = new AtomicReference<>();
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        @Override public void onOpen(WebSocket socket) {
            socket.request(Long.MAX_VALUE);
        }

        @Override public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            partial.writeBytes(chunk);
            if (last) {
                long now = System.nanoTime();
                byte[] message = partial.toByteArray();
                partial.reset();
                DagCbor.Prefix header = DagCbor.decodePrefix(message, 0);
                if (((DataValue.MapValue) header.value()).text("t").orElse("").equals("#commit")) {
                    DataValue.MapValue body = (DataValue.MapValue) DagCbor.decode(message, header.end(), message.length - header.end());
                    arrivals.put(((DataValue.LinkValue) body.get("commit").orElseThrow()).cid().toString(), now);
                }
            }
            return null;
        }

        @Override public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            closed.set(code + " " + reason);
            return null;
        }

        @Override public void onError(WebSocket socket, Throwable error) {
            closed.set(String.valueOf(error));
        }
    }

    private void report(int count, List<Session> writers) throws Exception {
        List<Subscriber> subscribers = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        HttpClient wsClient = HttpClient.newHttpClient();
        for (int i = 0; i < count; i++) {
            Subscriber s = new Subscriber();
            sockets.add(wsClient.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + port + "/xrpc/com.atproto.sync.subscribeRepos"), s)
                    .get(30, TimeUnit.SECONDS));
            subscribers.add(s);
        }
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Session writer : writers) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    try {
                        String commit = createPost(writer);
                        acknowledged.put(commit, System.nanoTime());
                    } catch (Exception e) {
                        throw new IllegalStateException("a write failed", e);
                    }
                }
            }));
        }
        Thread.sleep(RUN);
        stop.set(true);
        for (Thread t : threads) t.join();
        double writing = (System.nanoTime() - t0) / 1e9;

        // wait (bounded) for every live subscriber to have every event, then measure
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < deadline && subscribers.stream()
                .anyMatch(s -> s.closed.get() == null && !s.arrivals.keySet().containsAll(acknowledged.keySet()))) {
            Thread.sleep(10);
        }
        long lastArrival = 0;
        long deliveredToAll = 0;
        Latencies delays = new Latencies();
        for (Map.Entry<String, Long> write : acknowledged.entrySet()) {
            boolean all = true;
            for (Subscriber s : subscribers) {
                Long arrived = s.arrivals.get(write.getKey());
                if (arrived == null) {
                    all = false;
                    continue;
                }
                delays.add(Math.max(0, arrived - write.getValue()));
                lastArrival = Math.max(lastArrival, arrived);
            }
            if (all) deliveredToAll++;
        }
        double delivering = Math.max(writing, (lastArrival - t0) / 1e9);
        long dropped = subscribers.stream().filter(s -> s.closed.get() != null).count();
        System.out.printf(Locale.ROOT, "| %d subscriber%s | %.0f events/s | %.0f events/s | %.1f ms | %.1f ms | %d |%n",
                count, count == 1 ? "" : "s", acknowledged.size() / writing, deliveredToAll / delivering,
                delays.percentileMillis(50), delays.percentileMillis(99), dropped);
        for (WebSocket socket : sockets) socket.abort();
        wsClient.shutdownNow();
    }

    /** Creates a post and answers the CID of the commit it made. */
    private String createPost(Session s) throws IOException, InterruptedException {
        String record = "{\"$type\":\"app.bsky.feed.post\",\"text\":\"firehose benchmark " + ThreadLocalRandom.current().nextLong()
                + "\",\"createdAt\":\"2026-11-28T12:00:00.000Z\"}";
        JsonNode answer = JSON.readTree(post("/xrpc/com.atproto.repo.createRecord",
                "{\"repo\":\"" + s.did + "\",\"collection\":\"app.bsky.feed.post\",\"record\":" + record + "}", s.token));
        return answer.at("/commit/cid").asText();
    }

    private Session signUp(String name) throws Exception {
        JsonNode r = JSON.readTree(post("/xrpc/com.atproto.server.createAccount", "{\"handle\":\"" + name
                + ".test\",\"email\":\"" + name + "@example.com\",\"password\":\"benchmark password\"}", null));
        return new Session(r.get("did").asText(), r.get("accessJwt").asText());
    }

    private String post(String path, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }
}
