package org.auroralocus.server.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.auroralocus.atproto.cbor.BlobRef;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.actor.ActorNotFoundException;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.db.DatabaseThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload service's refusals, each of which must leave nothing behind in the store. */
class BlobUploadsTest {
    private static final Did ALICE = Did.parse("did:plc:uploadsuploadsuploadsupl");

    @TempDir Path dir;
    DatabaseThreads threads;
    ActorStores actors;
    DiskBlobStore store;
    BlobUploads uploads;

    @BeforeEach
    void open() {
        threads = DatabaseThreads.forThisMachine();
        actors = new ActorStores(dir.resolve("actors"), threads);
        actors.create(ALICE, KeyPair.generate(Curve.K256, new SecureRandom()));
        store = new DiskBlobStore(dir.resolve("blobs"), dir.resolve("blobs/temp"));
        uploads = new BlobUploads(actors, store, new TestClock(Instant.parse("2026-01-01T00:00:00Z")), 1000);
    }

    @AfterEach
    void close() {
        actors.close();
        threads.close();
    }

    private BlobRef upload(Did did, byte[] bytes) {
        return uploads.upload(did, new ByteArrayInputStream(bytes), "text/plain", Optional.empty());
    }

    @Test
    void bytesTakenDownBeforeAreRefusedAndNotKept() throws SQLException, IOException {
        byte[] bytes = "taken down".getBytes(StandardCharsets.UTF_8);
        Cid cid = upload(ALICE, bytes).ref();
        try (var files = Files.walk(dir.resolve("actors"))) {
            Path file = files.filter(p -> p.getFileName().toString().equals("store.sqlite")).findFirst().orElseThrow();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 var st = c.prepareStatement("UPDATE blob SET takedown_ref = 'mod-1' WHERE cid = ?")) {
                st.setString(1, cid.toString());
                assertEquals(1, st.executeUpdate());
            }
        }
        long pendingBefore = pending();

        var e = assertThrows(BlobUploadException.class, () -> upload(ALICE, bytes));

        assertEquals(BlobUploadException.Problem.TAKEN_DOWN, e.problem());
        assertEquals("Blob has been takendown, cannot re-upload", e.getMessage());
        assertEquals(pendingBefore, pending(), "the refused copy is deleted");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedUnread() {
        InputStream unread = new InputStream() {
            @Override public int read() {
                throw new AssertionError("the body was read");
            }
        };
        var e = assertThrows(BlobUploadException.class, () -> uploads.upload(ALICE, unread, "image/png", Optional.of(1001L)));
        assertEquals(BlobUploadException.Problem.TOO_LARGE, e.problem());
    }

    @Test
    void aBodyThatBreaksIsUnreadableAndNotKept() throws IOException {
        InputStream broken = new InputStream() {
            @Override public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        var e = assertThrows(BlobUploadException.class, () -> uploads.upload(ALICE, broken, "image/png", Optional.empty()));
        assertEquals(BlobUploadException.Problem.BODY_UNREADABLE, e.problem());
        assertFalse(store.tempOwners().contains(ALICE));
    }

    @Test
    void anAccountWithoutRepositoryHereIsNotFound() {
        Did stranger = Did.parse("did:plc:strangerstrangerstranger");
        assertThrows(ActorNotFoundException.class, () -> upload(stranger, new byte[] {1}));
        assertTrue(Files.notExists(dir.resolve("blobs/temp/did_plc_strangerstrangerstranger")));
    }

    private long pending() throws IOException {
        try (var files = Files.list(dir.resolve("blobs/temp/did_plc_uploadsuploadsuploadsupl"))) {
            return files.count();
        }
    }
}
