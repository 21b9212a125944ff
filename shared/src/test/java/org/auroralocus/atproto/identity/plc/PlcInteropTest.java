package org.auroralocus.atproto.identity.plc;

import static org.auroralocus.atproto.identity.plc.PlcTestKeys.RECOVERY;
import static org.auroralocus.atproto.identity.plc.PlcTestKeys.ROTATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.interop.OfficialPackages;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official @did-plc/lib verifies the operations we sign (as a directory admits them, one by one,
 * and as a resolver audits a whole log), and signs operations that we must verify. Independent of
 * {@link PlcVerifier}: it hashes, encodes and checks signatures with its own code.
 */
class PlcInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private OfficialPackages official;

    @BeforeEach
    void locate() {
        official = OfficialPackages.locate("plc-interop.mjs", "@did-plc/lib");
    }

    @Test
    void officialLibraryAcceptsOurGenesisAndUpdatesWithOurDidAndCids() throws Exception {
        SignedPlcOp genesis = SignedPlcOpTest.genesis().sign(ROTATION);
        SignedPlcOp renamed = genesis.nextOperation().orElseThrow().withHandle(Handle.parse("bob.example.com")).sign(RECOVERY);
        SignedPlcOp moved = renamed.nextOperation().orElseThrow().withPdsEndpoint("https://other.example.net").sign(ROTATION);
        List<SignedPlcOp> ops = List.of(genesis, renamed, moved);
        Did did = genesis.genesisDid();

        JsonNode verdict = verify(did, ops);

        assertTrue(verdict.path("ok").asBoolean(), verdict.toString());
        assertEquals(did.toString(), verdict.get("derivedDid").textValue());
        assertEquals(ops.stream().map(op -> op.cid().toString()).toList(), texts(verdict.get("cids")));
        assertEquals(PlcData.of(did, moved).orElseThrow().toJson(), verdict.get("data"));
    }

    @Test
    void officialLibraryAcceptsOurTombstone() throws Exception {
        SignedPlcOp genesis = SignedPlcOpTest.genesis().sign(ROTATION);
        SignedPlcOp tombstone = new PlcTombstone(genesis.cid()).sign(RECOVERY);

        JsonNode verdict = verify(genesis.genesisDid(), List.of(genesis, tombstone));

        assertTrue(verdict.path("ok").asBoolean(), verdict.toString());
        assertTrue(verdict.get("data").isNull(), verdict.toString());
    }

    @Test
    void officialLibraryRejectsOurOperationOnceTampered() throws Exception {
        SignedPlcOp genesis = SignedPlcOpTest.genesis().sign(ROTATION);
        SignedPlcOp update = genesis.nextOperation().orElseThrow().withHandle(Handle.parse("bob.example.com")).sign(ROTATION);
        SignedPlcOp tampered = new SignedPlcOp(
                ((PlcOperation) update.op()).withHandle(Handle.parse("mallory.example.com")), update.sig());

        JsonNode verdict = verify(genesis.genesisDid(), List.of(genesis, tampered));

        assertFalse(verdict.path("ok").asBoolean(), verdict.toString());
        assertEquals(1, verdict.get("rejectedIndex").asInt(), verdict.toString());
    }

    @Test
    void officialLibraryRejectsAnUpdateThatSkipsTheHead() throws Exception {
        SignedPlcOp genesis = SignedPlcOpTest.genesis().sign(ROTATION);
        SignedPlcOp first = genesis.nextOperation().orElseThrow().withHandle(Handle.parse("bob.example.com")).sign(ROTATION);
        SignedPlcOp unrelated = SignedPlcOpTest.genesis().withPdsEndpoint("https://x.example").sign(ROTATION).nextOperation().orElseThrow().sign(ROTATION);

        JsonNode verdict = verify(genesis.genesisDid(), List.of(genesis, first, unrelated));

        assertFalse(verdict.path("ok").asBoolean(), verdict.toString());
        assertEquals(2, verdict.get("rejectedIndex").asInt(), verdict.toString());
    }

    @Test
    void weVerifyOperationsTheOfficialLibrarySignedAndDeriveTheSameDid() throws Exception {
        JsonNode written = write();
        Did did = Did.parse(written.get("did").textValue());
        List<SignedPlcOp> ops = operations(written);

        assertEquals(did, ops.getFirst().genesisDid());
        assertEquals(texts(written.get("cids")), ops.stream().map(op -> op.cid().toString()).toList());
        assertEquals(written.get("data"), PlcVerifier.log(did, ops).orElseThrow().toJson());
        for (int i = 0; i < ops.size(); i++) {
            assertEquals(written.get("ops").get(i), ops.get(i).toJson(), "our JSON of their operation " + i);
        }
    }

    @Test
    void weVerifyTheOfficialLibrarysTombstone() throws Exception {
        JsonNode written = write();
        Did did = Did.parse(written.get("did").textValue());
        List<SignedPlcOp> ops = operations(written);
        SignedPlcOp tombstone = SignedPlcOp.fromJson(written.get("tombstone"));
        ops.add(tombstone);

        assertEquals(written.get("tombstoneCid").textValue(), tombstone.cid().toString());
        assertEquals(Optional.empty(), PlcVerifier.log(did, ops));
    }

    @Test
    void weVerifyTheOfficialLibrarysLegacyCreate() throws Exception {
        JsonNode legacy = write().get("legacy");
        SignedPlcOp op = SignedPlcOp.fromJson(legacy.get("op"));
        Did did = Did.parse(legacy.get("did").textValue());

        assertEquals(did, op.genesisDid());
        assertEquals(legacy.get("cid").textValue(), op.cid().toString());
        assertEquals(Optional.of(Handle.parse("carol.example.com")), PlcVerifier.genesis(did, op).handle());
    }

    private JsonNode verify(Did did, List<SignedPlcOp> ops) throws Exception {
        ObjectNode log = JSON.createObjectNode().put("did", did.toString());
        ArrayNode array = log.putArray("ops");
        ops.forEach(op -> array.add(op.toJson()));
        Path file = dir.resolve("log.json");
        Files.writeString(file, log.toString());
        return official.run("verify-log", file.toString());
    }

    private JsonNode write() throws Exception {
        Path file = dir.resolve("written.json");
        JsonNode verdict = official.run("write-log", file.toString());
        assertTrue(verdict.path("ok").asBoolean(), verdict.toString());
        return JSON.readTree(file.toFile());
    }

    private static List<SignedPlcOp> operations(JsonNode written) {
        List<SignedPlcOp> ops = new ArrayList<>();
        written.get("ops").forEach(op -> ops.add(SignedPlcOp.fromJson(op)));
        return ops;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.textValue()));
        return values;
    }
}
