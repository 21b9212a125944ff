package org.auroralocus.atproto.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.repo.CommitResult;
import org.auroralocus.atproto.repo.RecordPath;
import org.auroralocus.atproto.repo.RecordWrite;
import org.auroralocus.atproto.repo.RepoLoader;
import org.auroralocus.atproto.repo.RepoRecord;
import org.auroralocus.atproto.repo.RepoVerifier;
import org.auroralocus.atproto.repo.Repository;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.auroralocus.atproto.syntax.TidClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repository CARs and signed commits checked by the official {@code @atproto/repo}: it verifies what
 * our code exports, and our code loads and verifies what it writes.
 */
class RepoOfficialPackagesInteropTest {
    private static final Did DID = Did.parse("did:plc:ewvi7nxzyoun6zhxrhs64oiz");

    @TempDir Path dir;

    @Test
    void officialPackageVerifiesOurRepositoryCar() throws Exception {
        OfficialPackages official = OfficialPackages.locate();
        KeyPair key = KeyPair.generate(Curve.K256, new SecureRandom());
        Repository repo = sampleRepository(key);
        Path car = export(repo, "ours.car");

        JsonNode answer = official.run("verify-repo", car.toString(), DID.value(), key.publicKey().didKey());

        assertTrue(answer.path("ok").asBoolean(), answer.toString());
        assertEquals(repo.commitCid().toString(), answer.path("commit").asText());
        assertEquals(repo.rev().value(), answer.path("rev").asText());
        List<String> ours = repo.records().map(r -> r.collection() + "/" + r.rkey() + " " + r.cid()).toList();
        List<String> theirs = new ArrayList<>();
        for (JsonNode r : answer.path("records")) {
            theirs.add(r.path("collection").asText() + "/" + r.path("rkey").asText() + " " + r.path("cid").asText());
        }
        assertEquals(ours.stream().sorted().toList(), theirs.stream().sorted().toList());
    }

    @Test
    void officialPackageRejectsOurCarUnderAnotherKey() throws Exception {
        OfficialPackages official = OfficialPackages.locate();
        Path car = export(sampleRepository(KeyPair.generate(Curve.K256, new SecureRandom())), "ours.car");
        String otherKey = KeyPair.generate(Curve.K256, new SecureRandom()).publicKey().didKey();

        JsonNode answer = official.run("verify-repo", car.toString(), DID.value(), otherKey);

        assertFalse(answer.path("ok").asBoolean(), answer.toString());
    }

    @Test
    void weLoadAndVerifyARepositoryTheOfficialPackageWrote() throws Exception {
        OfficialPackages official = OfficialPackages.locate();
        Path car = dir.resolve("theirs.car");
        JsonNode answer = official.run("write-repo", car.toString());
        assertTrue(answer.path("ok").asBoolean(), answer.toString());
        Did did = Did.parse(answer.path("did").asText());
        PublicKey key = PublicKey.parseDidKey(answer.path("didKey").asText());

        Repository repo;
        try (InputStream in = Files.newInputStream(car)) {
            repo = RepoLoader.loadVerified(in, did, key);
        }

        assertEquals(answer.path("commit").asText(), repo.commitCid().toString());
        assertEquals(answer.path("rev").asText(), repo.rev().value());
        List<RepoRecord> records = repo.records().toList();
        assertEquals(answer.path("records").size(), RepoVerifier.verifyContents(repo));
        for (int i = 0; i < records.size(); i++) {
            JsonNode expected = answer.path("records").get(i);
            RepoRecord actual = records.get(i);
            assertEquals(expected.path("collection").asText() + "/" + expected.path("rkey").asText(), actual.path().toString());
            assertEquals(expected.path("cid").asText(), actual.cid().toString());
            // our encoder reproduces their bytes exactly: the record hashes to the same CID
            assertEquals(actual.cid(), DagCbor.block(actual.value()).cid());
        }
    }

    /** A repository with history: two commits, with creates, an update and a delete. */
    private static Repository sampleRepository(KeyPair key) {
        TidClock tids = new TidClock(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC), 3);
        BlockMap storage = new BlockMap();
        CommitResult created = Repository.create(storage, DID, key, tids.next());
        storage.putAll(created.newBlocks());
        List<RecordWrite> writes = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Nsid type = Nsid.parse(i % 4 == 0 ? "app.bsky.feed.like" : "app.bsky.feed.post");
            DataValue.MapValue value = DataValue.map("$type", DataValue.of(type.value()), "text", DataValue.of("post " + i + " ✨"),
                    "n", DataValue.of(i), "createdAt", DataValue.of("2026-03-01T10:00:00.000Z"));
            writes.add(new RecordWrite.Create(new RecordPath(type, RecordKey.of(tids.next())), value));
        }
        writes.add(new RecordWrite.Create(RecordPath.of("app.bsky.actor.profile", "self"),
                DataValue.map("$type", DataValue.of("app.bsky.actor.profile"), "displayName", DataValue.of("Interop"))));
        CommitResult first = created.repository().applyWrites(writes, key, tids.next());
        storage.putAll(first.newBlocks());
        CommitResult second = first.repository().applyWrites(List.of(
                new RecordWrite.Update(writes.get(1).path(), DataValue.map("$type", DataValue.of("app.bsky.feed.post"), "text", DataValue.of("edited"))),
                new RecordWrite.Delete(writes.get(2).path())), key, tids.next());
        storage.putAll(second.newBlocks());
        return Repository.load(storage, second.cid());
    }

    private Path export(Repository repo, String name) throws IOException {
        Path car = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(car)) {
            repo.writeCar(out);
        }
        return car;
    }
}
