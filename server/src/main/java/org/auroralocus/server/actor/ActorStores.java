package org.auroralocus.server.actor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.DatabaseThreads;
import org.auroralocus.server.db.Migrations;

/**
 * All actor stores under {@code <data>/actors}, opened on first use and kept open (a few thousand
 * small SQLite files are well within a process's limits; each holds one writer connection and
 * opens readers as reads arrive).
 */
public final class ActorStores implements AutoCloseable {
    static final Migrations MIGRATIONS = Migrations.of("actor", "001-repo.sql", "002-blobs.sql", "003-preferences.sql");

    private final Path root;
    private final DatabaseThreads threads;
    private final Map<Did, Database> open = new ConcurrentHashMap<>();
    private final Map<Did, KeyPair> keys = new ConcurrentHashMap<>();

    public ActorStores(Path root, DatabaseThreads threads) {
        this.root = root;
        this.threads = threads;
    }

    /** Creates the store and its signing key for a new account. */
    public void create(Did did, KeyPair signingKey) {
        Path dir = folder(did);
        if (Files.exists(dir.resolve("store.sqlite"))) throw new IllegalStateException("actor store exists for " + did);
        try {
            Files.createDirectories(dir);
            Path key = dir.resolve("key");
            Files.writeString(key, signingKey.privateKeyHex(), StandardCharsets.US_ASCII);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("creating actor store for " + did, e);
        }
        keys.put(did, signingKey);
        database(did);
    }

    public boolean exists(Did did) {
        return open.containsKey(did) || Files.exists(folder(did).resolve("store.sqlite"));
    }

    /** The account's repository signing key (its DID document's {@code #atproto} key). */
    public KeyPair signingKey(Did did) {
        return keys.computeIfAbsent(did, d -> {
            Path key = folder(d).resolve("key");
            if (!Files.exists(key)) throw new ActorNotFoundException(d.toString());
            try {
                return KeyPair.fromHex(Curve.K256, Files.readString(key, StandardCharsets.US_ASCII).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("reading the signing key of " + d, e);
            }
        });
    }

    public <T> T read(Did did, ActorWork<ActorRead, T> work) {
        return database(did).read(session -> work.run(new ActorRead(session)));
    }

    /**
     * A read on the calling thread over one snapshot, for work that streams to a client as it reads
     * (see {@link Database#readStreaming}); everything it sees belongs to one state of the store.
     */
    public <T> T stream(Did did, ActorWork<ActorRead, T> work) {
        return database(did).readStreaming(session -> work.run(new ActorRead(session)));
    }

    public <T> T transact(Did did, ActorWork<ActorWrite, T> work) {
        return database(did).write(session -> work.run(new ActorWrite(did, session)));
    }

    /** Removes the store and its key for good (account deletion). */
    public void destroy(Did did) {
        Database db = open.remove(did);
        if (db != null) db.close();
        keys.remove(did);
        Path dir = folder(did);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (java.nio.file.NoSuchFileException e) {
            // already gone: deletion is idempotent
        } catch (IOException e) {
            throw new UncheckedIOException("deleting actor store of " + did, e);
        }
    }

    /** The bytes the account's store takes on disk (database, journal and key); 0 when it has none. */
    public long diskSize(Did did) {
        Path dir = folder(did);
        if (!Files.isDirectory(dir)) return 0;
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("measuring the actor store of " + did, e);
        }
    }

    private Database database(Did did) {
        return open.computeIfAbsent(did, d -> {
            Path file = folder(d).resolve("store.sqlite");
            if (!Files.exists(folder(d))) throw new ActorNotFoundException(d.toString());
            return Database.open(file, MIGRATIONS, threads);
        });
    }

    /** Spread over 256 folders so no directory holds every account. */
    Path folder(Did did) {
        return root.resolve(hashPrefix(did)).resolve(did.toString().replace(':', '_'));
    }

    private static String hashPrefix(Did did) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(did.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 1);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override public void close() {
        open.values().forEach(Database::close);
        open.clear();
    }

}
