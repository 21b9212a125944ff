package org.auroralocus.server.repo;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.car.CarContents;
import org.auroralocus.atproto.car.CarException;
import org.auroralocus.atproto.car.CarReadOptions;
import org.auroralocus.atproto.car.CarReader;
import org.auroralocus.atproto.cbor.BlobRef;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.BlockSource;
import org.auroralocus.atproto.repo.Commit;
import org.auroralocus.atproto.repo.RepoException;
import org.auroralocus.atproto.repo.RepoRecord;
import org.auroralocus.atproto.repo.RepoVerifier;
import org.auroralocus.atproto.repo.Repository;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.actor.ActorWrite;

/**
 * A repository uploaded with importRepo, read and checked before any transaction starts: one root,
 * a commit for the importing account, and a complete, sound MST whose records all decode.
 *
 * <p>As in the official PDS the commit's signature is not checked: a migrating account's commit is
 * signed by its old PDS's key, which the DID document may no longer name (or not yet: the import
 * comes before the PLC update). The commit is re-signed with this server's key on import.
 *
 * @param repo      the imported repository, read from {@code reachable}
 * @param reachable the blocks the commit reaches (the commit, every MST node, every record); any
 *                  other block in the CAR is not kept
 * @param records   every record, in key order
 */
record ImportedRepo(Repository repo, BlockMap reachable, List<RepoRecord> records) {
    /**
     * Reads the CAR, holding at most {@code maxSize} bytes of it (plus one block) however long the
     * stream is.
     *
     * @throws RepoImportException naming what is wrong; {@link RepoImportException.Problem#TOO_LARGE} over {@code maxSize}
     */
    static ImportedRepo read(Did did, InputStream body, long maxSize) {
        CarContents car = readCar(body, maxSize);
        if (car.roots().size() != 1) {
            throw RepoImportException.invalid("expected one root, the CAR has " + car.roots().size());
        }
        BlockMap reachable = new BlockMap();
        BlockSource noted = cid -> {
            Optional<byte[]> bytes = car.blocks().get(cid);
            bytes.ifPresent(b -> reachable.put(cid, b));
            return bytes;
        };
        try {
            Repository repo = Repository.load(noted, car.roots().getFirst());
            if (!repo.did().equals(did)) {
                throw RepoImportException.invalid("the repository is " + repo.did() + "'s, not the importing account's (" + did + ")");
            }
            RepoVerifier.verifyContents(repo);
            List<RepoRecord> records = repo.records().toList();
            return new ImportedRepo(repo, reachable, records);
        } catch (RepoException | IllegalStateException | IllegalArgumentException e) {
            // the core's ways of saying a block is missing, malformed, or not what the tree needs
            throw new RepoImportException(RepoImportException.Problem.INVALID, "Invalid repository: " + e.getMessage(), e);
        }
    }

    private static CarContents readCar(InputStream body, long maxSize) {
        try {
            return CarReader.readAll(new CappedInput(body, maxSize), CarReadOptions.DEFAULTS);
        } catch (CappedInput.Exceeded e) {
            throw new RepoImportException(RepoImportException.Problem.TOO_LARGE, e.getMessage(), e);
        } catch (CarException e) {
            throw new RepoImportException(RepoImportException.Problem.INVALID, "Invalid CAR: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RepoImportException(RepoImportException.Problem.INVALID, "Could not read the CAR: " + e.getMessage(), e);
        }
    }

    /**
     * Inside the import's transaction: {@code commit} (the imported one re-signed) replaces the
     * repository, with the reachable blocks; every record is indexed at its rev with its blob
     * references, and the records the import does not hold are dropped.
     */
    void store(ActorWrite tx, Commit commit, Instant now) throws SQLException {
        Block commitBlock = commit.toBlock();
        BlockMap blocks = new BlockMap();
        for (Block b : reachable.blocks()) {
            if (!b.cid().equals(repo.commitCid())) blocks.put(b);
        }
        blocks.put(commitBlock);
        tx.replaceRepository(commitBlock.cid(), commit.rev(), blocks.blocks(), now);
        for (RepoRecord record : records) {
            AtUri uri = AtUri.of(commit.did(), record.collection(), record.rkey());
            tx.indexRecord(uri, record.cid(), commit.rev(), now);
            for (BlobRef blob : BlobRef.findAll(record.value())) tx.blobs().addReference(blob.ref(), uri.toString());
        }
        tx.dropRecordsNotAt(commit.rev());
    }
}
