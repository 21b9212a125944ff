package org.auroralocus.server.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob store contract on disk, plus the file layout an operator (and a backup) sees. */
class DiskBlobStoreTest extends BlobStoreContract {
    @TempDir static Path dir;
    static DiskBlobStore store;

    @BeforeAll
    static void open() {
        store = new DiskBlobStore(dir.resolve("blobs"), dir.resolve("blobs/temp"));
    }

    @Override BlobStore store() {
        return store;
    }

    @Test
    void blobsAreFilesNamedByCidInAFolderPerAccountWithoutColons() throws IOException {
        Did did = Did.parse("did:plc:layoutlayoutlayoutlayout");
        byte[] bytes = bytes("laid out");
        Cid cid = Cid.ofRaw(bytes);
        String key = store.putTemp(did, new ByteArrayInputStream(bytes));
        assertTrue(Files.isRegularFile(dir.resolve("blobs/temp/did_plc_layoutlayoutlayoutlayout").resolve(key)));

        store.makePermanent(did, key, cid);

        Path file = dir.resolve("blobs/did_plc_layoutlayoutlayoutlayout").resolve(cid.toString());
        assertEquals(List.of(bytes.length), List.of((int) Files.size(file)));
    }

    @Test
    void aTemporaryAreaOnAnotherPathStillMovesIntoPlace() throws IOException {
        DiskBlobStore apart = new DiskBlobStore(dir.resolve("apart/blobs"), dir.resolve("elsewhere/tmp"));
        Did did = Did.parse("did:plc:apartapartapartapartapar");
        byte[] bytes = bytes("apart");
        Cid cid = Cid.ofRaw(bytes);
        apart.makePermanent(did, apart.putTemp(did, new ByteArrayInputStream(bytes)), cid);
        assertTrue(apart.hasStored(did, cid));
        assertTrue(apart.tempOwners().isEmpty());
    }
}
