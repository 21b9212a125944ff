package org.auroralocus.atproto.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.auroralocus.atproto.car.CarContents;
import org.auroralocus.atproto.car.CarReadOptions;
import org.auroralocus.atproto.car.CarReader;
import org.auroralocus.atproto.car.CarWriter;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.mst.MstChange;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.auroralocus.atproto.syntax.TidClock;
import org.junit.jupiter.api.Test;

class RepoTest {
    private static final Did DID = Did.parse("did:plc:ewvi7nxzyoun6zhxrhs64oiz");
    private static final Nsid POST = Nsid.parse("app.bsky.feed.post");
    private static final Nsid LIKE = Nsid.parse("app.bsky.feed.like");

    private final KeyPair key = KeyPair.generate(Curve.K256, new SecureRandom());
    private final TidClock tids = new TidClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), 7);
    /** What a server's block store would hold: every commit's new blocks are added here. */
    private final BlockMap storage = new BlockMap();

    @Test
    void newRepositoryIsEmptyAndSigned() throws IOException {
        CommitResult created = Repository.create(storage, DID, key, tids.next());
        Repository repo = created.repository();

        assertTrue(repo.commit().verify(key.publicKey()));
        assertEquals(DID, repo.did());
        assertEquals(0, repo.records().count());
        assertEquals(Optional.empty(), created.since());
        assertEquals(Optional.empty(), created.prevData());
        assertEquals(Set.of(repo.commitCid(), repo.commit().data()), Set.copyOf(created.newBlocks().cids()));
        assertEquals(repo.commitCid(), created.newBlocks().cids().iterator().next(), "the commit block comes first");

        Repository loaded = RepoLoader.loadVerified(new ByteArrayInputStream(export(repo)), DID, key.publicKey());
        assertEquals(repo.commitCid(), loaded.commitCid());
        assertEquals(0, RepoVerifier.verify(loaded, DID, key.publicKey()));
    }

    @Test
    void thousandRecordsSurviveExportLoadAndVerify() throws IOException {
        Repository repo = persist(Repository.create(storage, DID, key, tids.next()));
        Map<RecordPath, DataValue.MapValue> expected = new TreeMap<>();
        for (int batch = 0; batch < 10; batch++) {
            List<RecordWrite> writes = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = batch * 100 + i;
                RecordPath path = new RecordPath(n % 3 == 0 ? LIKE : POST, RecordKey.of(tids.next()));
                DataValue.MapValue value = record(n % 3 == 0 ? LIKE : POST, "record " + n);
                writes.add(new RecordWrite.Create(path, value));
                expected.put(path, value);
            }
            repo = persist(repo.applyWrites(writes, key, tids.next()));
        }
        // from storage alone, as a server reloads it
        repo = Repository.load(storage, repo.commitCid());
        byte[] car = export(repo);

        Repository loaded = RepoLoader.loadVerified(new ByteArrayInputStream(car), DID, key.publicKey());

        assertEquals(1_000, RepoVerifier.verify(loaded, DID, key.publicKey()));
        assertEquals(repo.commitCid(), loaded.commitCid());
        assertEquals(repo.commit().data(), loaded.mst().rootCid());
        List<RepoRecord> walked = loaded.records().toList();
        assertEquals(List.copyOf(expected.keySet()), walked.stream().map(RepoRecord::path).toList(), "all records, in key order");
        for (RepoRecord r : walked) {
            assertEquals(expected.get(r.path()), r.value());
            assertEquals(DagCbor.block(r.value()).cid(), r.cid());
        }
        assertEquals(expected.keySet().stream().filter(p -> p.collection().equals(LIKE)).toList(),
                loaded.records(LIKE).map(RepoRecord::path).toList());
    }

    @Test
    void exportStartsWithTheCommitAndHoldsEachNodeAndRecordOnce() throws IOException {
        Repository repo = repoWith(300);
        byte[] car = export(repo);
        List<Block> blocks = new ArrayList<>();
        try (CarReader reader = CarReader.open(new ByteArrayInputStream(car))) {
            assertEquals(List.of(repo.commitCid()), reader.header().roots());
            reader.stream().forEach(blocks::add);
        }
        List<Cid> order = blocks.stream().map(Block::cid).toList();
        assertEquals(repo.commitCid(), order.getFirst());
        assertEquals(repo.commit().data(), order.get(1), "the MST root follows the commit");
        assertEquals(order.size(), Set.copyOf(order).size(), "no block twice");
        long records = blocks.stream().filter(b -> b.decode() instanceof DataValue.MapValue m && m.get("$type").isPresent()).count();
        assertEquals(300, records);
    }

    @Test
    void collectionWalkStopsAtTheCollectionsEnd() {
        Repository repo = persist(Repository.create(storage, DID, key, tids.next()));
        List<RecordWrite> writes = new ArrayList<>();
        for (String collection : List.of("app.bsky.feed.pos", "app.bsky.feed.post", "app.bsky.feed.postgate", "app.bsky.feed.post.x")) {
            for (String rkey : List.of("-", "a", "zzz", "~")) {
                writes.add(new RecordWrite.Create(RecordPath.of(collection, rkey), record(POST, collection + rkey)));
            }
        }
        repo = repo.applyWrites(writes, key, tids.next()).repository();
        assertEquals(List.of("-", "a", "zzz", "~"), repo.records(POST).map(r -> r.rkey().value()).toList());
        assertEquals(0, repo.records(Nsid.parse("app.bsky.feed.generator")).count());
    }

    @Test
    void updatesAndDeletesChangeRecordsAndReportWhatWasRemoved() {
        Repository repo = persist(Repository.create(storage, DID, key, tids.next()));
        RecordPath a = RecordPath.of("app.bsky.feed.post", "aaa");
        RecordPath b = RecordPath.of("app.bsky.feed.post", "bbb");
        CommitResult first = repo.applyWrites(List.of(
                new RecordWrite.Create(a, record(POST, "a1")),
                new RecordWrite.Create(b, record(POST, "b1"))), key, tids.next());
        repo = persist(first);
        Cid oldA = repo.recordCid(a).orElseThrow();
        Cid oldB = repo.recordCid(b).orElseThrow();
        Cid firstCommit = repo.commitCid();

        CommitResult second = repo.applyWrites(List.of(
                new RecordWrite.Update(a, record(POST, "a2")),
                new RecordWrite.Delete(b)), key, tids.next());
        Repository after = second.repository();

        assertEquals(record(POST, "a2"), after.getRecord(a).orElseThrow().value());
        assertEquals(Optional.empty(), after.getRecord(b));
        assertEquals(record(POST, "a1"), repo.getRecord(a).orElseThrow().value(), "the previous repository is unchanged");
        assertTrue(second.removedCids().containsAll(Set.of(oldA, oldB, firstCommit)), second.removedCids().toString());
        Cid newA = after.recordCid(a).orElseThrow();
        assertTrue(second.newBlocks().contains(newA));
        assertFalse(second.removedCids().contains(newA));
        assertEquals(List.of(new MstChange.Update(a.toString(), oldA, newA), new MstChange.Delete(b.toString(), oldB)), second.changes());
        assertEquals(Optional.of(repo.rev()), second.since());
        assertEquals(Optional.of(repo.commit().data()), second.prevData());
        assertTrue(after.commit().verify(key.publicKey()));
    }

    @Test
    void invalidWritesFailTheWholeBatch() {
        Repository repo = persist(Repository.create(storage, DID, key, tids.next()));
        RecordPath a = RecordPath.of("app.bsky.feed.post", "aaa");
        repo = persist(repo.applyWrites(List.of(new RecordWrite.Create(a, record(POST, "a"))), key, tids.next()));
        Repository current = repo;
        RecordPath missing = RecordPath.of("app.bsky.feed.post", "zzz");

        RepoException exists = assertThrows(RepoException.class, () -> current.applyWrites(List.of(
                new RecordWrite.Create(RecordPath.of("app.bsky.feed.post", "bbb"), record(POST, "b")),
                new RecordWrite.Create(a, record(POST, "again"))), key, tids.next()));
        assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
        RepoException update = assertThrows(RepoException.class,
                () -> current.applyWrites(List.of(new RecordWrite.Update(missing, record(POST, "x"))), key, tids.next()));
        assertTrue(update.getMessage().contains("no such record"), update.getMessage());
        assertThrows(RepoException.class, () -> current.applyWrites(List.of(new RecordWrite.Delete(missing)), key, tids.next()));
        assertEquals(1, current.records().count());
    }

    @Test
    void revisionMustMoveForward() {
        var older = tids.next();
        Repository repo = Repository.create(storage, DID, key, tids.next()).repository();
        RepoException e = assertThrows(RepoException.class, () -> repo.applyWrites(List.of(), key, older));
        assertTrue(e.getMessage().contains("not after"), e.getMessage());
        assertThrows(RepoException.class, () -> repo.applyWrites(List.of(), key, repo.rev()));
    }

    @Test
    void emptyBatchMakesANewCommitOverTheSameTree() {
        Repository repo = repoWith(5);
        CommitResult resigned = repo.applyWrites(List.of(), key, tids.next());
        assertEquals(repo.commit().data(), resigned.commit().data());
        assertTrue(resigned.changes().isEmpty());
        assertTrue(resigned.commit().verify(key.publicKey()));
    }

    @Test
    void missingRecordBlockIsRejected() throws IOException {
        Repository repo = repoWith(200);
        Cid record = repo.records().skip(57).findFirst().orElseThrow().cid();
        byte[] car = rewrite(export(repo), b -> !b.cid().equals(record));

        RepoException e = assertThrows(RepoException.class,
                () -> RepoLoader.loadVerified(new ByteArrayInputStream(car), DID, key.publicKey()));
        assertTrue(e.getMessage().contains("missing record block " + record), e.getMessage());
    }

    @Test
    void missingMstNodeIsRejected() throws IOException {
        Repository repo = repoWith(200);
        Set<Cid> records = new HashSet<>(repo.records().map(RepoRecord::cid).toList());
        CarContents full = CarReader.readAll(new ByteArrayInputStream(export(repo)));
        Cid node = full.blocks().cids().stream()
                .filter(c -> !c.equals(repo.commitCid()) && !c.equals(repo.commit().data()) && !records.contains(c))
                .findFirst().orElseThrow(() -> new AssertionError("a 200-record tree has more than one node"));
        byte[] car = rewrite(export(repo), b -> !b.cid().equals(node));

        RepoException e = assertThrows(RepoException.class,
                () -> RepoLoader.loadVerified(new ByteArrayInputStream(car), DID, key.publicKey()));
        assertTrue(e.getMessage().contains("incomplete") && e.getMessage().contains(node.toString()), e.getMessage());
    }

    @Test
    void missingCommitBlockIsRejected() throws IOException {
        Repository repo = repoWith(3);
        byte[] car = rewrite(export(repo), b -> !b.cid().equals(repo.commitCid()));
        RepoException e = assertThrows(RepoException.class, () -> RepoLoader.load(new ByteArrayInputStream(car)));
        assertTrue(e.getMessage().contains("missing commit block"), e.getMessage());
    }

    @Test
    void signatureByAnotherKeyIsRejected() throws IOException {
        byte[] car = export(repoWith(10));
        KeyPair other = KeyPair.generate(Curve.K256, new SecureRandom());
        RepoException e = assertThrows(RepoException.class,
                () -> RepoLoader.loadVerified(new ByteArrayInputStream(car), DID, other.publicKey()));
        assertTrue(e.getMessage().contains("signature") && e.getMessage().contains(other.publicKey().didKey()), e.getMessage());
    }

    @Test
    void commitForAnotherDidIsRejected() throws IOException {
        byte[] car = export(repoWith(2));
        RepoException e = assertThrows(RepoException.class, () -> RepoLoader.loadVerified(
                new ByteArrayInputStream(car), Did.parse("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"), key.publicKey()));
        assertTrue(e.getMessage().contains("not the expected"), e.getMessage());
    }

    @Test
    void forgedCommitOverOtherDataIsRejected() throws IOException {
        Repository repo = repoWith(10);
        // the same signature moved onto a commit that points at another tree
        Commit honest = repo.commit();
        Repository other = repoWith(11);
        Commit forged = new Commit(UnsignedCommit.of(DID, other.commit().data(), honest.rev()), honest.sig());
        Block forgedBlock = forged.toBlock();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CarWriter writer = CarWriter.open(out, List.of(forgedBlock.cid()))) {
            writer.write(forgedBlock);
            for (Block b : CarReader.readAll(new ByteArrayInputStream(export(other))).blocks().blocks()) writer.write(b);
        }
        RepoException e = assertThrows(RepoException.class,
                () -> RepoLoader.loadVerified(new ByteArrayInputStream(out.toByteArray()), DID, key.publicKey()));
        assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
    }

    @Test
    void recordBlockNotMatchingItsCidIsRejectedEvenWhenTheCarReaderDoesNotCheck() throws IOException {
        Repository repo = repoWith(5);
        Cid target = repo.records().findFirst().orElseThrow().cid();
        byte[] forged = DagCbor.encode(record(POST, "forged"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CarWriter writer = CarWriter.open(out, List.of(repo.commitCid()))) {
            try (CarReader reader = CarReader.open(new ByteArrayInputStream(export(repo)))) {
                for (Optional<Block> b = reader.next(); b.isPresent(); b = reader.next()) {
                    writer.write(b.get().cid(), b.get().cid().equals(target) ? forged : b.get().bytes());
                }
            }
        }
        Repository loaded = RepoLoader.load(new ByteArrayInputStream(out.toByteArray()), CarReadOptions.DEFAULTS.withVerifyCids(false));
        RepoException e = assertThrows(RepoException.class, () -> RepoVerifier.verify(loaded, DID, key.publicKey()));
        assertTrue(e.getMessage().contains("does not match its CID"), e.getMessage());
    }

    @Test
    void extraAndDuplicateBlocksAreTolerated() throws IOException {
        Repository repo = repoWith(20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CarWriter writer = CarWriter.open(out, List.of(repo.commitCid()))) {
            writer.write(DagCbor.block(DataValue.map("unrelated", DataValue.of(true))));
            for (Block b : CarReader.readAll(new ByteArrayInputStream(export(repo))).blocks().blocks()) {
                writer.write(b);
                writer.write(b);
            }
        }
        Repository loaded = RepoLoader.loadVerified(new ByteArrayInputStream(out.toByteArray()), DID, key.publicKey());
        assertEquals(20, loaded.records().count());
    }

    @Test
    void carWithoutRootsIsRejected() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CarWriter.open(out, List.of()).close();
        RepoException e = assertThrows(RepoException.class, () -> RepoLoader.load(new ByteArrayInputStream(out.toByteArray())));
        assertTrue(e.getMessage().contains("no root"), e.getMessage());
    }

    @Test
    void recordPathsParseAsCollectionAndKey() {
        RecordPath path = RecordPath.parse("app.bsky.feed.post/3l5bv7vzcm22c");
        assertEquals(POST, path.collection());
        assertEquals("3l5bv7vzcm22c", path.rkey().value());
        assertEquals("app.bsky.feed.post/3l5bv7vzcm22c", path.toString());
        for (String bad : List.of("app.bsky.feed.post", "app.bsky.feed.post/a/b", "/a", "app.bsky.feed.post/..", "nsid/rkey")) {
            assertThrows(IllegalArgumentException.class, () -> RecordPath.parse(bad), bad);
        }
    }

    // --- helpers

    private Repository repoWith(int records) {
        Repository repo = persist(Repository.create(storage, DID, key, tids.next()));
        List<RecordWrite> writes = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            writes.add(new RecordWrite.Create(new RecordPath(POST, RecordKey.of(tids.next())), record(POST, "post " + i)));
        }
        return persist(repo.applyWrites(writes, key, tids.next()));
    }

    private Repository persist(CommitResult result) {
        storage.putAll(result.newBlocks());
        return result.repository();
    }

    private static DataValue.MapValue record(Nsid type, String text) {
        return DataValue.map("$type", DataValue.of(type.value()), "text", DataValue.of(text),
                "createdAt", DataValue.of("2026-01-01T00:00:00.000Z"));
    }

    private static byte[] export(Repository repo) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        repo.writeCar(out);
        return out.toByteArray();
    }

    /** The same CAR (same roots) with only the blocks that pass the filter. */
    private static byte[] rewrite(byte[] car, Predicate<Block> keep) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CarReader reader = CarReader.open(new ByteArrayInputStream(car));
             CarWriter writer = CarWriter.open(out, reader.header().roots())) {
            for (Optional<Block> b = reader.next(); b.isPresent(); b = reader.next()) {
                if (keep.test(b.get())) writer.write(b.get());
            }
        }
        return out.toByteArray();
    }
}
