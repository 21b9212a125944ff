package org.auroralocus.atproto.mst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.kit.Kit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit's firehose/commit-proof-fixtures.json (sync v1.1 "inductive firehose"): for each case, the
 * tree before and after the commit has the expected root, the blocks we would send for the commit
 * hold every block the fixture requires, and those blocks alone let the commit be undone, in every
 * order of its operations, back to the root before it.
 */
class CommitProofInteropTest {

    record Fixture(Cid leaf, List<String> keys, List<String> adds, List<String> dels, Cid rootBefore, Cid rootAfter,
            List<Cid> blocksInProof) {}

    static Stream<Arguments> fixtures() {
        try {
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode c : new ObjectMapper().readTree(Kit.vectors("firehose/commit-proof-fixtures.json").toFile())) {
                cases.add(Arguments.of(c.get("comment").asText(), new Fixture(
                        Cid.parse(c.get("leafValue").asText()), strings(c.get("keys")), strings(c.get("adds")),
                        strings(c.get("dels")), Cid.parse(c.get("rootBeforeCommit").asText()),
                        Cid.parse(c.get("rootAfterCommit").asText()),
                        strings(c.get("blocksInProof")).stream().map(Cid::parse).toList())));
            }
            return cases.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void commitBlocksProveAndInvertTheCommit(String comment, Fixture f) {
        Map<String, Cid> initial = new LinkedHashMap<>();
        f.keys().forEach(k -> initial.put(k, f.leaf()));
        Mst added = Mst.empty(new BlockMap());
        for (String key : f.keys()) added = added.add(key, f.leaf());
        assertEquals(f.rootBefore(), added.rootCid(), "root of the keys added one by one");
        assertEquals(f.rootBefore(), Mst.build(new BlockMap(), initial).rootCid(), "root of the keys built at once");

        // as in the server: the tree before the commit is stored, and the commit edits the loaded tree
        BlockMap storage = added.newBlocks();
        Mst before = Mst.load(storage, f.rootBefore());
        Mst after = before;
        for (String key : f.adds()) after = after.add(key, f.leaf());
        for (String key : f.dels()) after = after.delete(key);
        assertEquals(f.rootAfter(), after.rootCid(), "root after the commit");

        List<String> opKeys = new ArrayList<>(f.adds());
        opKeys.addAll(f.dels());
        BlockMap sent = after.commitBlocks(after.diffSince(before), opKeys);
        for (Cid required : f.blocksInProof()) {
            assertTrue(sent.contains(required), "the commit's blocks lack " + required);
        }
        assertEquals(sent.cids(), after.commitBlocks(before).cids(), "the diff's keys are the operations' keys");

        List<UnaryOperator<Mst>> inverses = new ArrayList<>();
        for (String key : f.adds()) inverses.add(tree -> tree.delete(key));
        for (String key : f.dels()) inverses.add(tree -> tree.add(key, f.leaf()));
        for (List<UnaryOperator<Mst>> order : permutations(inverses)) {
            Mst inverted = Mst.load(sent, f.rootAfter());
            for (UnaryOperator<Mst> inverse : order) inverted = inverse.apply(inverted);
            assertEquals(f.rootBefore(), inverted.rootCid(), "root after undoing the commit from its blocks alone");
        }
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) return List.of(List.of());
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                out.add(order);
            }
        }
        return out;
    }
}
