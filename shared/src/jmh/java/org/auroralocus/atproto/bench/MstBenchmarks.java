package org.auroralocus.atproto.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.mst.Mst;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The MST costs a PDS pays: a first commit or import of 10,000 records, and one write to a stored tree. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MstBenchmarks {
    private final Map<String, Cid> entries = new LinkedHashMap<>();
    private BlockMap storage;
    private Cid root;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        String chars = "234567abcdefghijklmnopqrstuvwxyz";
        while (entries.size() < 10_000) {
            StringBuilder rkey = new StringBuilder("3k");
            for (int i = 0; i < 11; i++) rkey.append(chars.charAt(random.nextInt(chars.length())));
            entries.put("app.bsky.feed.post/" + rkey, Cid.ofRaw(rkey.toString().getBytes(StandardCharsets.UTF_8)));
        }
        Mst tree = Mst.build(new BlockMap(), entries);
        storage = tree.newBlocks();
        root = tree.rootCid();
    }

    @Benchmark
    public Cid add10kOneByOneThenHash() {
        Mst tree = Mst.empty(new BlockMap());
        for (Map.Entry<String, Cid> e : entries.entrySet()) tree = tree.add(e.getKey(), e.getValue());
        return tree.rootCid();
    }

    @Benchmark
    public Cid build10kThenHash() {
        return Mst.build(new BlockMap(), entries).rootCid();
    }

    /** One record write as a commit does it: load the stored tree, add, hash, and compute the blocks to send. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public BlockMap oneWriteToAStoredTree() {
        Mst before = Mst.load(storage, root);
        Mst after = before.add("app.bsky.feed.post/3kzzzzzzzzzzz", root);
        return after.commitBlocks(before);
    }
}
