package org.auroralocus.atproto.mst;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.auroralocus.atproto.cbor.Cid;

/** Seeded random keys and values for the MST tests: realistic repo paths, reproducible runs. */
final class TestKeys {
    private static final String[] COLLECTIONS = {"app.bsky.feed.post", "app.bsky.feed.like", "app.bsky.graph.follow", "com.example.record"};
    private static final String TID_CHARS = "234567abcdefghijklmnopqrstuvwxyz";

    private TestKeys() {}

    /** {@code count} distinct keys, {@code collection/rkey} with TID-shaped record keys. */
    static List<String> keys(Random random, int count) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        while (keys.size() < count) {
            StringBuilder rkey = new StringBuilder("3k");
            for (int i = 0; i < 11; i++) rkey.append(TID_CHARS.charAt(random.nextInt(TID_CHARS.length())));
            keys.add(COLLECTIONS[random.nextInt(COLLECTIONS.length)] + "/" + rkey);
        }
        return new ArrayList<>(keys);
    }

    /** A record CID standing for value number n. */
    static Cid value(int n) {
        return Cid.ofRaw(("record " + n).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Cid> entries(List<String> keys) {
        Map<String, Cid> entries = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) entries.put(keys.get(i), value(i));
        return entries;
    }

    static Mst addAll(Mst tree, Map<String, Cid> entries) {
        for (Map.Entry<String, Cid> e : entries.entrySet()) tree = tree.add(e.getKey(), e.getValue());
        return tree;
    }
}
