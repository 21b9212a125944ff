package org.auroralocus.server.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} must do, run against each implementation (the disk store, and the S3
 * store against a real S3 API server). Each test uses its own accounts, so one store can serve all.
 */
abstract class BlobStoreContract {
    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

    /** The store under test; the same instance for every test of a class. */
    abstract BlobStore store();

    static Did newDid() {
        return Did.parse("did:plc:contract" + NEXT.incrementAndGet() + "aaaaaaaaaaaaaaaa".substring(0, 8));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String upload(Did did, byte[] bytes) throws IOException {
        return store().putTemp(did, new ByteArrayInputStream(bytes));
    }

    private byte[] read(Did did, Cid cid) throws IOException {
        try (InputStream in = store().open(did, cid).orElseThrow(() -> new AssertionError(cid + " is not stored"))) {
            return in.readAllBytes();
        }
    }

    @Test
    void anUploadMadePermanentIsServedUnderItsCid() throws IOException {
        Did did = newDid();
        byte[] bytes = bytes("hello blob");
        Cid cid = Cid.ofRaw(bytes);
        String key = upload(did, bytes);
        assertTrue(store().hasTemp(did, key));
        assertFalse(store().hasStored(did, cid), "an upload is not a stored blob until made permanent");

        store().makePermanent(did, key, cid);

        assertTrue(store().hasStored(did, cid));
        assertFalse(store().hasTemp(did, key), "making permanent moves, it does not copy");
        assertArrayEquals(bytes, read(did, cid));
    }

    @Test
    void makingPermanentTwiceIsHarmless() throws IOException {
        Did did = newDid();
        byte[] bytes = bytes("twice");
        Cid cid = Cid.ofRaw(bytes);
        String key = upload(did, bytes);
        store().makePermanent(did, key, cid);
        store().makePermanent(did, key, cid);
        assertArrayEquals(bytes, read(did, cid));
    }

    @Test
    void aSecondUploadOfStoredBytesMovesOverTheSameBlob() throws IOException {
        Did did = newDid();
        byte[] bytes = bytes("same bytes");
        Cid cid = Cid.ofRaw(bytes);
        store().makePermanent(did, upload(did, bytes), cid);
        String again = upload(did, bytes);
        store().makePermanent(did, again, cid);
        assertFalse(store().hasTemp(did, again));
        assertArrayEquals(bytes, read(did, cid));
    }

    @Test
    void makingAnUnknownUploadPermanentFails() {
        Did did = newDid();
        Cid cid = Cid.ofRaw(bytes("never uploaded"));
        assertThrows(BlobNotFoundException.class, () -> store().makePermanent(did, "abcdefghijklmnopqrstuvwxyz234567", cid));
    }

    @Test
    void aMissingBlobOpensEmpty() throws IOException {
        Did did = newDid();
        Cid cid = Cid.ofRaw(bytes("missing"));
        assertTrue(store().open(did, cid).isEmpty());
        assertFalse(store().hasStored(did, cid));
    }

    @Test
    void anEmptyUploadIsABlob() throws IOException {
        Did did = newDid();
        Cid cid = Cid.ofRaw(new byte[0]);
        store().makePermanent(did, upload(did, new byte[0]), cid);
        assertArrayEquals(new byte[0], read(did, cid));
    }

    @Test
    void blobsOfOneAccountAreNotAnothers() throws IOException {
        Did alice = newDid();
        Did bob = newDid();
        byte[] bytes = bytes("alice's");
        Cid cid = Cid.ofRaw(bytes);
        store().makePermanent(alice, upload(alice, bytes), cid);
        assertFalse(store().hasStored(bob, cid));
        assertTrue(store().open(bob, cid).isEmpty());
    }

    @Test
    void deleteRemovesTheNamedBlobsOnlyAndIgnoresMissingOnes() throws IOException {
        Did did = newDid();
        Cid keep = Cid.ofRaw(bytes("keep"));
        Cid drop = Cid.ofRaw(bytes("drop"));
        store().makePermanent(did, upload(did, bytes("keep")), keep);
        store().makePermanent(did, upload(did, bytes("drop")), drop);

        store().delete(did, List.of(drop, Cid.ofRaw(bytes("never there"))));

        assertFalse(store().hasStored(did, drop));
        assertTrue(store().hasStored(did, keep));
        store().delete(did, List.of());
    }

    @Test
    void deleteTempRemovesTheUploadAndIgnoresAMissingOne() throws IOException {
        Did did = newDid();
        String key = upload(did, bytes("temporary"));
        store().deleteTemp(did, key);
        assertFalse(store().hasTemp(did, key));
        store().deleteTemp(did, key);
        assertThrows(BlobNotFoundException.class, () -> store().makePermanent(did, key, Cid.ofRaw(bytes("temporary"))));
    }

    @Test
    void deleteAllRemovesEverythingOfOneAccountAndNothingElse() throws IOException {
        Did gone = newDid();
        Did other = newDid();
        Cid cid = Cid.ofRaw(bytes("stored"));
        store().makePermanent(gone, upload(gone, bytes("stored")), cid);
        String pending = upload(gone, bytes("pending"));
        store().makePermanent(other, upload(other, bytes("stored")), cid);
        String othersPending = upload(other, bytes("pending"));

        store().deleteAll(gone);

        assertFalse(store().hasStored(gone, cid));
        assertFalse(store().hasTemp(gone, pending));
        assertFalse(store().tempOwners().contains(gone));
        assertTrue(store().hasStored(other, cid));
        assertTrue(store().hasTemp(other, othersPending));
        store().deleteAll(newDid());
    }

    @Test
    void tempOwnersAreTheAccountsWithPendingUploads() throws IOException {
        Did uploader = newDid();
        Did web = Did.parse("did:web:blobs.example.com%3A8443:u:" + NEXT.incrementAndGet());
        Did finished = newDid();
        upload(uploader, bytes("pending"));
        upload(web, bytes("pending"));
        Cid cid = Cid.ofRaw(bytes("done"));
        store().makePermanent(finished, upload(finished, bytes("done")), cid);

        Set<Did> owners = store().tempOwners();

        assertTrue(owners.contains(uploader), owners::toString);
        assertTrue(owners.contains(web), "a did:web with a port and a path: " + owners);
        assertFalse(owners.contains(finished), "no upload left: " + owners);
    }

    @Test
    void aFailingUploadLeavesNothingBehind() throws IOException {
        Did did = newDid();
        IOException failure = new IOException("client went away");
        InputStream failing = new InputStream() {
            private int sent;

            @Override public int read() throws IOException {
                if (sent++ >= 100_000) throw failure;
                return 'x';
            }

            @Override public int read(byte[] b, int off, int len) throws IOException {
                if (sent >= 100_000) throw failure;
                int n = Math.min(len, 100_000 - sent);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                sent += n;
                return n;
            }
        };

        IOException thrown = assertThrows(IOException.class, () -> store().putTemp(did, failing));

        assertSame(failure, thrown, "the stream's own failure reaches the caller");
        assertFalse(store().tempOwners().contains(did), "no partial upload is kept");
    }

    @Test
    void aLargeBlobStreamsThroughIntact() throws Exception {
        Did did = newDid();
        long size = 20L * 1024 * 1024;
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        String key = store().putTemp(did, new PatternStream(size, sent));
        Cid cid = Cid.of(Cid.RAW, sent.digest());

        store().makePermanent(did, key, cid);

        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long length = 0;
        try (InputStream in = store().open(did, cid).orElseThrow()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.update(buffer, 0, n);
                length += n;
            }
        }
        assertEquals(size, length);
        assertEquals(cid, Cid.of(Cid.RAW, received.digest()));
    }

    @Test
    void aKeyThatIsNotOneOfOursIsRefused() {
        Did did = newDid();
        assertThrows(IllegalArgumentException.class, () -> store().deleteTemp(did, "../../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> store().hasTemp(did, "a/b"));
    }

    /** {@code size} bytes of a varying pattern, made on the fly (never held whole), digested as they go. */
    static final class PatternStream extends InputStream {
        private final long size;
        private final MessageDigest digest;
        private long position;

        PatternStream(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override public int read(byte[] b, int off, int len) {
            if (position >= size) return -1;
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) b[off + i] = (byte) ((position + i) * 31 + ((position + i) >>> 16));
            digest.update(b, off, n);
            position += n;
            return n;
        }
    }
}
