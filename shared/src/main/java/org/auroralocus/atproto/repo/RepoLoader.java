package org.auroralocus.atproto.repo;

import java.io.IOException;
import java.io.InputStream;
import org.auroralocus.atproto.car.CarContents;
import org.auroralocus.atproto.car.CarException;
import org.auroralocus.atproto.car.CarReadOptions;
import org.auroralocus.atproto.car.CarReader;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.syntax.Did;

/**
 * Reads a whole repository from a CAR file (an export or a {@code getRepo} answer) into memory: the
 * first root is the commit (https://atproto.com/specs/repository#car-file-serialization). Every
 * block is checked against its CID as it is read; extra and duplicate blocks are tolerated.
 */
public final class RepoLoader {
    private RepoLoader() {}

    /**
     * The repository in the CAR, with the default CAR limits ({@link CarReader#readAll(InputStream)});
     * not yet checked for completeness or signature: see {@link #loadVerified} and {@link RepoVerifier}.
     */
    public static Repository load(InputStream car) throws IOException {
        return load(CarReader.readAll(car));
    }

    public static Repository load(InputStream car, CarReadOptions options) throws IOException {
        return load(CarReader.readAll(car, options));
    }

    public static Repository load(CarContents car) {
        Cid root = car.roots().stream().findFirst().orElseThrow(() -> new RepoException("the CAR has no root, so no commit"));
        return Repository.load(car.blocks(), root);
    }

    /**
     * Loads and fully verifies: the commit is {@code did}'s and signed by {@code key}, and every MST
     * node and record is present, canonical and matches its CID. Throws {@link RepoException} (or
     * {@link CarException} for a malformed file) naming what is wrong.
     */
    public static Repository loadVerified(InputStream car, Did did, PublicKey key) throws IOException {
        Repository repo = load(car);
        RepoVerifier.verify(repo, did, key);
        return repo;
    }
}
