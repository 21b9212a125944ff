package org.auroralocus.server.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.atproto.cbor.BlobRef;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.lexicon.schema.BuiltinLexicons;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.atproto.syntax.TidClock;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.db.BlobTable;
import org.auroralocus.server.blob.BlobStore;
import org.auroralocus.server.blob.DiskBlobStore;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.DatabaseThreads;
import org.auroralocus.server.sequencer.SqliteSequencer;
import org.auroralocus.server.sequencer.db.SeqTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a record write does to the blobs it references: an upload becomes permanent once a committed
 * record references it, a blob goes when its last reference goes, and a reference that does not
 * match the upload is refused with nothing changed. The disk store holds the bytes, so they can be
 * watched.
 */
class RepoServiceBlobTest {
    private static final Nsid THINGS = Nsid.parse("com.example.thing");
    private static final Did DID = Did.parse("did:plc:blobblobblobblobblobblob");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};

    @TempDir Path dir;
    private DatabaseThreads threads;
    private ActorStores actors;
    private SqliteSequencer sequencer;
    private Database sequencerDb;

    @BeforeEach
    void open() {
        threads = new DatabaseThreads(2, 2);
        actors = new ActorStores(dir.resolve("actors"), threads);
        sequencerDb = Database.open(dir.resolve("sequencer.sqlite"), SqliteSequencer.MIGRATIONS, threads);
        sequencer = new SqliteSequencer(sequencerDb, Clock.systemUTC(), event -> { });
    }

    @AfterEach
    void close() {
        actors.close();
        sequencerDb.close();
        threads.close();
    }

    private BlobStore diskStore() {
        return new DiskBlobStore(dir.resolve("blobs"), dir.resolve("blobs-tmp"));
    }

    private RepoService repos(BlobStore store) {
        RepoService repos = new RepoService(actors, sequencer, store, BuiltinLexicons.registry(),
                new TidClock(Clock.systemUTC(), 7), Clock.systemUTC());
        repos.createRepo(DID, KeyPair.generate(Curve.K256, new SecureRandom()));
        return repos;
    }

    /** An upload as uploadBlob leaves it: bytes in the temporary area, a row with their key. */
    private BlobRef upload(BlobStore store, byte[] bytes, String mimeType) throws IOException {
        String key = store.putTemp(DID, new ByteArrayInputStream(bytes));
        Cid cid = Cid.ofRaw(bytes);
        actors.transact(DID, tx -> {
            tx.blobs().putUpload(cid, mimeType, bytes.length, key, Clock.systemUTC().instant());
            return null;
        });
        return new BlobRef(cid, mimeType, bytes.length);
    }

    private Optional<BlobTable.BlobRow> row(Cid cid) {
        return actors.transact(DID, tx -> tx.blobs().get(cid));
    }

    private static RepoWrite.Put recordWith(String rkey, BlobRef blob) {
        return new RepoWrite.Put(THINGS, RecordKey.parse(rkey), DataValue.map("image", blob.toDataValue()), Optional.empty());
    }

    private static RepoWrite.Delete delete(String rkey) {
        return new RepoWrite.Delete(THINGS, RecordKey.parse(rkey), Optional.empty(), false);
    }

    private Tid rev() {
        return actors.read(DID, r -> r.root()).orElseThrow().rev();
    }

    @Test
    void aCommittedRecordMakesItsUploadPermanent() throws IOException {
        BlobStore store = diskStore();
        RepoService repos = repos(store);
        BlobRef blob = upload(store, PNG, "image/png");
        String tempKey = row(blob.ref()).orElseThrow().tempKey().orElseThrow();

        repos.applyWrite(DID, recordWith("a", blob), Optional.empty(), Validation.KNOWN_TYPES);

        assertTrue(store.hasStored(DID, blob.ref()));
        assertFalse(store.hasTemp(DID, tempKey), "the upload left the temporary area");
        assertEquals(Optional.empty(), row(blob.ref()).orElseThrow().tempKey(), "the row says permanent");
        SeqTable.Row event = sequencer.after(0, 100).getLast();
        DataValue.MapValue body = (DataValue.MapValue) DagCbor.decode(event.body());
        assertEquals(DataValue.list(List.of(DataValue.of(blob.ref()))), body.get("blobs").orElseThrow());
    }

    @Test
    void aBlobGoesWithItsLastReference() throws IOException {
        BlobStore store = diskStore();
        RepoService repos = repos(store);
        BlobRef blob = upload(store, PNG, "image/png");
        repos.applyWrites(DID, List.of(recordWith("a", blob), recordWith("b", blob)), Optional.empty(), Validation.KNOWN_TYPES);

        repos.applyWrite(DID, delete("a"), Optional.empty(), Validation.KNOWN_TYPES);
        assertTrue(store.hasStored(DID, blob.ref()), "record b still references it");
        assertTrue(row(blob.ref()).isPresent());

        repos.applyWrite(DID, new RepoWrite.Put(THINGS, RecordKey.parse("b"), DataValue.map("image", DataValue.ofNull()),
                Optional.empty()), Optional.empty(), Validation.KNOWN_TYPES);
        assertFalse(store.hasStored(DID, blob.ref()), "an update that drops the last reference deletes the bytes");
        assertEquals(Optional.empty(), row(blob.ref()));
    }

    @Test
    void aReferenceThatDoesNotMatchTheUploadIsRefusedAndChangesNothing() throws IOException {
        BlobStore store = diskStore();
        RepoService repos = repos(store);
        BlobRef blob = upload(store, PNG, "image/png");
        Tid before = rev();

        var wrongType = assertThrows(RepoWriteException.class, () -> repos.applyWrite(DID,
                recordWith("a", new BlobRef(blob.ref(), "image/jpeg", blob.size())), Optional.empty(), Validation.KNOWN_TYPES));
        assertEquals(RepoWriteException.Problem.INVALID_MIME_TYPE, wrongType.problem());
        assertEquals("Referenced Mimetype does not match stored blob. Expected: image/png, Got: image/jpeg", wrongType.getMessage());
        var wrongSize = assertThrows(RepoWriteException.class, () -> repos.applyWrite(DID,
                recordWith("a", new BlobRef(blob.ref(), "image/png", 5)), Optional.empty(), Validation.KNOWN_TYPES));
        assertEquals(RepoWriteException.Problem.INVALID_SIZE, wrongSize.problem());
        assertEquals("Referenced Size does not match stored blob. Expected: 11, Got: 5", wrongSize.getMessage());
        var missing = assertThrows(RepoWriteException.class, () -> repos.applyWrite(DID,
                recordWith("a", new BlobRef(Cid.ofRaw(new byte[] {9}), "image/png", 1)), Optional.empty(), Validation.KNOWN_TYPES));
        assertEquals(RepoWriteException.Problem.BLOB_NOT_FOUND, missing.problem());

        assertEquals(before, rev());
        assertFalse(store.hasStored(DID, blob.ref()));
        assertTrue(row(blob.ref()).orElseThrow().tempKey().isPresent(), "still an upload waiting for a record");
    }

    @Test
    void aFailedMoveStillAnswersAndSequencesTheCommittedRecord() throws IOException {
        BlobStore store = new DiskFullOnMove(diskStore());
        RepoService repos = repos(store);
        BlobRef blob = upload(store, PNG, "image/png");
        int eventsBefore = sequencer.after(0, 100).size();

        WriteOutcome outcome = repos.applyWrite(DID, recordWith("a", blob), Optional.empty(), Validation.KNOWN_TYPES);

        assertTrue(outcome.commit().isPresent());
        assertEquals(eventsBefore + 1, sequencer.after(0, 100).size(), "the commit is on the firehose");
        assertTrue(row(blob.ref()).orElseThrow().tempKey().isPresent(),
                "referenced but still temporary: the cleanup must finish the move, never delete it");
        boolean referenced = actors.transact(DID, tx -> tx.blobs().isReferenced(blob.ref()));
        assertTrue(referenced);
    }

    /** The disk store, except that moving an upload to the permanent area fails. */
    private record DiskFullOnMove(BlobStore disk) implements BlobStore {
        @Override public void makePermanent(Did did, String tempKey, Cid cid) throws IOException {
            throw new IOException("the disk is full");
        }

        @Override public String putTemp(Did did, InputStream bytes) throws IOException {
            return disk.putTemp(did, bytes);
        }

        @Override public boolean hasTemp(Did did, String tempKey) throws IOException {
            return disk.hasTemp(did, tempKey);
        }

        @Override public Optional<InputStream> open(Did did, Cid cid) throws IOException {
            return disk.open(did, cid);
        }

        @Override public boolean hasStored(Did did, Cid cid) throws IOException {
            return disk.hasStored(did, cid);
        }

        @Override public void delete(Did did, Collection<Cid> cids) throws IOException {
            disk.delete(did, cids);
        }

        @Override public void deleteTemp(Did did, String tempKey) throws IOException {
            disk.deleteTemp(did, tempKey);
        }

        @Override public void deleteAll(Did did) throws IOException {
            disk.deleteAll(did);
        }

        @Override public Set<Did> tempOwners() throws IOException {
            return disk.tempOwners();
        }
    }
}
