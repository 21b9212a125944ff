package org.auroralocus.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.auroralocus.server.PdsServer;
import org.auroralocus.server.config.PdsConfig;

/**
 * The workloads of PERFORMANCE.md against a real server on loopback: writes from 8 clients to their
 * own repositories and to one shared repository, seeding by applyWrites batches, random getRecord
 * and listRecords pages. Prints one table; figures are means over the run, latencies p50 and p99.
 */
public final class LoadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * CPU time of the whole process, so the CPU per request includes the load generator's share: a
     * figure that moves much less than throughput when other work shares the cores.
     */
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    /**
     * Extra warm-up per row, in seconds, on top of the 200 calls: C2 keeps compiling for half a
     * minute on two shared cores and takes up to half the CPU while it does, so a short row measures
     * the JIT as much as the server; {@code -Dbench.warmup=20} gives steady-state figures.
     */
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 0));
    /** Which rows to run, by their short names (own, shared, seed, get, list); all when unset. */
    private static final Set<String> WORKLOADS = Set.of(System.getProperty("bench.workloads", "own,shared,seed,get,list").split(","));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    private LoadBenchmark(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        PdsConfig config = BenchConfig.fresh("aurora-bench");
        long started = System.nanoTime();
        try (PdsServer server = PdsServer.start(config)) {
            LoadBenchmark bench = new LoadBenchmark("http://localhost:" + server.port());
            bench.get("/xrpc/_health");
            System.out.printf(Locale.ROOT, "start to first _health 200 (in-process, warm JVM): %.0f ms%n",
                    (System.nanoTime() - started) / 1e6);
            bench.run();
            System.out.printf(Locale.ROOT, "heap used after the load: %d MiB, process RSS: see /proc (not measured in-process)%n",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
        }
    }

    private void run() throws Exception {
        List<Session> own = new ArrayList<>();
        for (int i = 0; i < 8; i++) own.add(signUp("own" + i));
        Session shared = signUp("shared");
        Session seeded = signUp("seeded");

        System.out.println("| workload | result | p50 | p99 | CPU per request |");
        System.out.println("|---|---:|---:|---:|---:|");
        if (WORKLOADS.contains("own")) report("createRecord, 8 connections, each its own account", 8, i -> createPost(own.get(i)));
        if (WORKLOADS.contains("shared")) report("createRecord, 8 connections, one account", 8, i -> createPost(shared));
        if (!WORKLOADS.contains("seed") && !WORKLOADS.contains("get") && !WORKLOADS.contains("list")) return;
        seed(seeded, 10_000);
        List<String> rkeys = rkeys(seeded);
        if (WORKLOADS.contains("get")) report("getRecord of random records, 16 connections", 16, i -> get("/xrpc/com.atproto.repo.getRecord?repo="
                + seeded.did + "&collection=app.bsky.feed.post&rkey=" + rkeys.get(ThreadLocalRandom.current().nextInt(rkeys.size()))));
        if (WORKLOADS.contains("list")) report("listRecords, pages of 100, 16 connections", 16, i -> get("/xrpc/com.atproto.repo.listRecords?repo="
                + seeded.did + "&collection=app.bsky.feed.post&limit=100&cursor="
                + rkeys.get(ThreadLocalRandom.current().nextInt(rkeys.size()))));
    }

    private record Session(String did, String token) {}

    @FunctionalInterface
    private interface Call {
        void run(int client) throws Exception;
    }

    /** Runs {@code clients} loops for the run time and prints requests per second and latencies. */
    private void report(String name, int clients, Call call) throws Exception {
        for (int i = 0; i < 200; i++) call.run(i % clients); // warm-up
        if (!WARMUP.isZero()) loop(clients, call, WARMUP, name);
        long t0 = System.nanoTime();
        long cpu0 = PROCESS.getProcessCpuTime();
        Latencies all = loop(clients, call, RUN, name);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMillis = (PROCESS.getProcessCpuTime() - cpu0) / 1e6 / all.count();
        System.out.printf(Locale.ROOT, "| %s | %.0f req/s | %.1f ms | %.1f ms | %.2f ms |%n", name, all.count() / seconds,
                all.percentileMillis(50), all.percentileMillis(99), cpuMillis);
    }

    /** Runs {@code clients} loops of {@code call} for {@code time}; the latencies of every call. */
    private static Latencies loop(int clients, Call call, Duration time, String name) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Latencies all = new Latencies();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofVirtual().start(() -> {
                Latencies mine = new Latencies();
                while (!stop.get()) {
                    long s = System.nanoTime();
                    try {
                        call.run(client);
                    } catch (Exception e) {
                        throw new IllegalStateException(name + " failed", e);
                    }
                    mine.add(System.nanoTime() - s);
                }
                all.addAll(mine);
            }));
        }
        Thread.sleep(time);
        stop.set(true);
        for (Thread t : threads) t.join();
        return all;
    }

    private void seed(Session s, int records) throws Exception {
        long t0 = System.nanoTime();
        for (int done = 0; done < records; done += 200) {
            StringBuilder writes = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                if (i > 0) writes.append(',');
                writes.append("{\"$type\":\"com.atproto.repo.applyWrites#create\",\"collection\":\"app.bsky.feed.post\",\"value\":")
                        .append(post()).append('}');
            }
            post("/xrpc/com.atproto.repo.applyWrites", "{\"repo\":\"" + s.did + "\",\"writes\":[" + writes + "]}", s.token);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "| seeding %,d posts by applyWrites batches of 200 | %.0f records/s | | |%n",
                records, records / seconds);
    }

    private List<String> rkeys(Session s) throws Exception {
        List<String> out = new ArrayList<>();
        String cursor = "";
        while (true) {
            JsonNode page = JSON.readTree(get("/xrpc/com.atproto.repo.listRecords?repo=" + s.did
                    + "&collection=app.bsky.feed.post&limit=100" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)));
            for (JsonNode r : page.get("records")) out.add(r.get("uri").asText().substring(r.get("uri").asText().lastIndexOf('/') + 1));
            if (!page.has("cursor") || page.get("records").isEmpty()) return out;
            cursor = page.get("cursor").asText();
        }
    }

    private void createPost(Session s) throws Exception {
        post("/xrpc/com.atproto.repo.createRecord",
                "{\"repo\":\"" + s.did + "\",\"collection\":\"app.bsky.feed.post\",\"record\":" + post() + "}", s.token);
    }

    private static String post() {
        return "{\"$type\":\"app.bsky.feed.post\",\"text\":\"benchmark post " + ThreadLocalRandom.current().nextLong()
                + "\",\"createdAt\":\"2026-11-28T12:00:00.000Z\",\"langs\":[\"en\"]}";
    }

    private Session signUp(String name) throws Exception {
        JsonNode r = JSON.readTree(post("/xrpc/com.atproto.server.createAccount", "{\"handle\":\"" + name
                + ".test\",\"email\":\"" + name + "@example.com\",\"password\":\"benchmark password\"}", null));
        return new Session(r.get("did").asText(), r.get("accessJwt").asText());
    }

    private String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    private String post(String path, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b.build());
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }
}
