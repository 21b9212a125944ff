package org.auroralocus.atproto.bench;

import java.util.concurrent.TimeUnit;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** DAG-CBOR on every record write and read: a typical post, encoded with its CID, and decoded. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CborBenchmarks {
    /** A post as the Bluesky app writes it: text, language, a facet with a link, a reply. */
    static final DataValue POST = DataValue.map(
            "$type", DataValue.of("app.bsky.feed.post"),
            "text", DataValue.of("Trying out my new PDS today, it starts in under a second! https://example.com/blog/aurora"),
            "langs", DataValue.list(java.util.List.of(DataValue.of("en"))),
            "createdAt", DataValue.of("2026-11-28T12:34:56.789Z"),
            "facets", DataValue.list(java.util.List.of(DataValue.map(
                    "index", DataValue.map("byteStart", DataValue.of(58), "byteEnd", DataValue.of(90)),
                    "features", DataValue.list(java.util.List.of(DataValue.map(
                            "$type", DataValue.of("app.bsky.richtext.facet#link"),
                            "uri", DataValue.of("https://example.com/blog/aurora"))))))),
            "reply", DataValue.map(
                    "root", DataValue.map("uri", DataValue.of("at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3l3qo2vuowo2b"),
                            "cid", DataValue.of("bafyreib2rxk3rybloqtqwbo7qt3kjs6d7fcxs5oyfacouxlbh25lgk6yvu")),
                    "parent", DataValue.map("uri", DataValue.of("at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3l3qo2vuowo2b"),
                            "cid", DataValue.of("bafyreib2rxk3rybloqtqwbo7qt3kjs6d7fcxs5oyfacouxlbh25lgk6yvu"))));

    final byte[] encoded = DagCbor.encode(POST);

    @Benchmark
    public Cid encodePostWithCid() {
        return Cid.ofDagCbor(DagCbor.encode(POST));
    }

    @Benchmark
    public DataValue decodePost() {
        return DagCbor.decode(encoded);
    }
}
