package org.auroralocus.server.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.blob.BlobStore;

/**
 * A plain blob store in a test's temporary folder ({@code tmp/<did>/<key>}, {@code blobs/<did>/<cid>}),
 * so the repository's blob steps can be watched without the real stores.
 */
class TempFolderBlobStore implements BlobStore {
    private final Path root;

    TempFolderBlobStore(Path root) {
        this.root = root;
    }

    Path tempFile(Did did, String key) {
        return root.resolve("tmp").resolve(name(did)).resolve(key);
    }

    Path permanentFile(Did did, Cid cid) {
        return root.resolve("blobs").resolve(name(did)).resolve(cid.toString());
    }

    private static String name(Did did) {
        return did.toString().replace(':', '_');
    }

    @Override public String putTemp(Did did, InputStream bytes) throws IOException {
        String key = UUID.randomUUID().toString();
        Path file = tempFile(did, key);
        Files.createDirectories(file.getParent());
        Files.copy(bytes, file);
        return key;
    }

    @Override public void makePermanent(Did did, String tempKey, Cid cid) throws IOException {
        Path target = permanentFile(did, cid);
        Files.createDirectories(target.getParent());
        try {
            Files.move(tempFile(did, tempKey), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            if (!Files.exists(target)) throw e;
        }
    }

    @Override public Optional<InputStream> open(Did did, Cid cid) throws IOException {
        Path file = permanentFile(did, cid);
        return Files.exists(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    }

    @Override public boolean hasStored(Did did, Cid cid) {
        return Files.exists(permanentFile(did, cid));
    }

    @Override public void delete(Did did, Collection<Cid> cids) throws IOException {
        for (Cid cid : cids) Files.deleteIfExists(permanentFile(did, cid));
    }

    @Override public void deleteTemp(Did did, String tempKey) throws IOException {
        Files.deleteIfExists(tempFile(did, tempKey));
    }

    @Override public void deleteAll(Did did) throws IOException {
        for (Path dir : new Path[] {root.resolve("tmp").resolve(name(did)), root.resolve("blobs").resolve(name(did))}) {
            if (!Files.exists(dir)) continue;
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
