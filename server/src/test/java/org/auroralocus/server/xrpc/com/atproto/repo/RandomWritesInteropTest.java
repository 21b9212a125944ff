package org.auroralocus.server.xrpc.com.atproto.repo;

import static org.auroralocus.server.xrpc.com.atproto.repo.RepoUser.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.interop.OfficialPackages;
import org.auroralocus.atproto.mst.MstEntry;
import org.auroralocus.atproto.repo.RepoVerifier;
import org.auroralocus.atproto.repo.Repository;
import org.auroralocus.server.PdsExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seeded random sequence of creates, updates and deletes over HTTP (single writes and batches,
 * identical records at several paths so blocks are shared, puts that change nothing), then the
 * repository as stored is checked three ways: by the core's verifier against the DID document's
 * {@code #atproto} key, by the official {@code @atproto/repo} from an exported CAR, and against
 * listRecords: the MST holds exactly the records listRecords serves, with the same CIDs.
 */
class RandomWritesInteropTest {
    private static final List<String> COLLECTIONS = List.of("com.example.alpha", "com.example.beta");
    private static final int STEPS = 120;

    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of());

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theStoredRepositoryHoldsExactlyTheWrittenRecords(long seed) throws Exception {
        RepoUser user = RepoUser.signUp(pds, "random");
        Map<String, String> expected = new TreeMap<>();   // path -> CID, what the writes' answers said
        Random random = new Random(seed);
        for (int step = 0; step < STEPS; step++) {
            if (random.nextInt(4) == 0) batch(user, random, expected);
            else single(user, random, expected);
        }
        assertTrue(expected.size() > 10, "the sequence leaves a repository worth checking: " + expected.size());

        assertEquals(expected, user.listed(7), "listRecords serves exactly what was written");

        PublicKey key = pds.server().services().dids().resolveFresh(user.did()).orElseThrow().atprotoKey().orElseThrow();
        Path car = pds.dataDir().resolve("repo-" + seed + ".car");
        Map<String, String> inTree = pds.server().services().actors().read(user.did(), r -> {
            Repository repo = r.repository().orElseThrow();
            RepoVerifier.verify(repo, user.did(), key);
            try (OutputStream out = Files.newOutputStream(car)) {
                repo.writeCar(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return repo.mst().entries().collect(Collectors.toMap(MstEntry::key, e -> e.value().toString(), (a, b) -> a, TreeMap::new));
        });
        assertEquals(expected, inTree, "the stored MST holds exactly the written records");

        JsonNode official = OfficialPackages.locate("interop.mjs", "@atproto/repo")
                .run("verify-repo", car.toString(), user.did().toString(), key.didKey());
        assertTrue(official.path("ok").asBoolean(), official.toString());
        Map<String, String> officialRecords = new TreeMap<>();
        official.get("records").forEach(r -> officialRecords.put(r.get("collection").asText() + "/" + r.get("rkey").asText(),
                r.get("cid").asText()));
        assertEquals(expected, officialRecords, "the official @atproto/repo reads the same records");
    }

    /** Values from a small pool, so identical records (one shared block) at several paths are common. */
    private static ObjectNode value(Random random) {
        return JSON.createObjectNode().put("n", random.nextInt(6));
    }

    private static void single(RepoUser user, Random random, Map<String, String> expected) {
        String collection = COLLECTIONS.get(random.nextInt(COLLECTIONS.size()));
        String rkey = "k" + random.nextInt(30);
        String path = collection + "/" + rkey;
        ObjectNode body = user.createBody(collection, value(random)).put("rkey", rkey);
        if (!expected.containsKey(path)) {
            var r = user.post("com.atproto.repo.createRecord", body);
            assertEquals(200, r.status(), r.text());
            expected.put(path, r.json().get("cid").asText());
        } else if (random.nextInt(3) == 0) {
            body.remove("record");
            var r = user.post("com.atproto.repo.deleteRecord", body);
            assertEquals(200, r.status(), r.text());
            expected.remove(path);
        } else {
            var r = user.post("com.atproto.repo.putRecord", body);
            assertEquals(200, r.status(), r.text());
            expected.put(path, r.json().get("cid").asText());
        }
    }

    private static void batch(RepoUser user, Random random, Map<String, String> expected) {
        ObjectNode request = JSON.createObjectNode().put("repo", user.did().toString());
        ArrayNode writes = request.putArray("writes");
        Set<String> paths = new HashSet<>();
        int size = 1 + random.nextInt(10);
        for (int i = 0; i < size; i++) {
            String collection = COLLECTIONS.get(random.nextInt(COLLECTIONS.size()));
            String rkey = "k" + random.nextInt(30);
            String path = collection + "/" + rkey;
            if (!paths.add(path)) continue;   // one write per path keeps the expectations simple
            ObjectNode write = writes.addObject().put("collection", collection).put("rkey", rkey);
            if (!expected.containsKey(path)) {
                write.put("$type", ApplyWrites.CREATE).set("value", value(random));
            } else if (random.nextBoolean()) {
                write.put("$type", ApplyWrites.DELETE);
            } else {
                write.put("$type", ApplyWrites.UPDATE).set("value", value(random));
            }
        }
        var r = user.post("com.atproto.repo.applyWrites", request);
        assertEquals(200, r.status(), r.text());
        for (int i = 0; i < writes.size(); i++) {
            JsonNode write = writes.get(i);
            String path = write.get("collection").asText() + "/" + write.get("rkey").asText();
            if (write.get("$type").asText().equals(ApplyWrites.DELETE)) expected.remove(path);
            else expected.put(path, r.json().at("/results/" + i + "/cid").asText());
        }
    }
}
