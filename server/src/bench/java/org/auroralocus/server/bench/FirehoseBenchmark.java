package org.auroralocus.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.auroralocus.atproto.cbor.Cid;
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
        for (String subscribers : System.getProperty("bench.subscribers", "1,10,100").split(",")) {
            report(Integer.parseInt(subscribers.strip()), writers);
        }
    }

    private void report(int count, List<Session> writers) throws Exception {
        // one subscriber tells which seq each commit got; every subscriber notes when each seq arrived
        Map<String, Long> seqOfCommit = new ConcurrentHashMap<>();
        List<FirehoseClient> subscribers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            subscribers.add(FirehoseClient.open(port, "/xrpc/com.atproto.sync.subscribeRepos", i > 0 ? Optional.empty()
                    : Optional.of((cid, seq) -> seqOfCommit.put(Cid.fromBytes(cid).toString(), seq))));
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
        while (System.nanoTime() < deadline && !seqOfCommit.keySet().containsAll(acknowledged.keySet())) Thread.sleep(10);
        long[] wanted = acknowledged.keySet().stream().map(seqOfCommit::get).filter(Objects::nonNull)
                .mapToLong(Long::longValue).toArray();
        while (System.nanoTime() < deadline && subscribers.stream()
                .anyMatch(s -> s.closed.get() == null && !s.hasAll(wanted))) {
            Thread.sleep(10);
        }
        long lastArrival = 0;
        long deliveredToAll = 0;
        Latencies delays = new Latencies();
        for (Map.Entry<String, Long> write : acknowledged.entrySet()) {
            Long seq = seqOfCommit.get(write.getKey());
            boolean all = seq != null;
            for (FirehoseClient s : subscribers) {
                Optional<Long> arrived = seq == null ? Optional.empty() : s.arrival(seq);
                if (arrived.isEmpty()) {
                    all = false;
                    continue;
                }
                delays.add(Math.max(0, arrived.get() - write.getValue()));
                lastArrival = Math.max(lastArrival, arrived.get());
            }
            if (all) deliveredToAll++;
        }
        double delivering = Math.max(writing, (lastArrival - t0) / 1e9);
        long dropped = subscribers.stream().filter(s -> s.closed.get() != null).count();
        subscribers.stream().map(s -> s.closed.get()).filter(Objects::nonNull).distinct().limit(3)
                .forEach(why -> System.err.println("a subscriber ended: " + why));
        System.out.printf(Locale.ROOT, "| %d subscriber%s | %.0f events/s | %.0f events/s | %.1f ms | %.1f ms | %d |%n",
                count, count == 1 ? "" : "s", acknowledged.size() / writing, deliveredToAll / delivering,
                delays.percentileMillis(50), delays.percentileMillis(99), dropped);
        for (FirehoseClient s : subscribers) s.abort();
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
