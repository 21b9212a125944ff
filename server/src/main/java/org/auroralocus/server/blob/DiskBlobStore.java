package org.auroralocus.server.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;

/**
 * Blobs as files: {@code <location>/<did folder>/<cid>} for permanent ones and
 * {@code <temp>/<did folder>/<key>} for uploads ({@code <temp>} is {@code <location>/temp} unless
 * {@code PDS_BLOBSTORE_DISK_TMP_LOCATION} says otherwise). The folder name of a DID is
 * {@link DidFolderName}'s, valid on Windows too; CIDs and keys are lower-case base32.
 *
 * <p>An upload is synced to disk before its key is handed out, and it becomes permanent by an atomic
 * rename, so a crash never leaves a half-written blob under a CID.
 */
public final class DiskBlobStore implements BlobStore {
    private static final System.Logger LOG = System.getLogger(DiskBlobStore.class.getName());

    private final Path location;
    private final Path temp;
    private final TempKeys keys = new TempKeys(new SecureRandom());

    public DiskBlobStore(Path location, Path temp) {
        this.location = location.toAbsolutePath();
        this.temp = temp.toAbsolutePath();
    }

    @Override public String putTemp(Did did, InputStream bytes) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(DidFolderName.of(did)));
        String key = keys.next();
        Path file = dir.resolve(key);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(channel)) {
            bytes.transferTo(out);
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return key;
    }

    @Override public boolean hasTemp(Did did, String tempKey) {
        return Files.isRegularFile(tempFile(did, tempKey));
    }

    @Override public void makePermanent(Did did, String tempKey, Cid cid) throws IOException {
        Path from = tempFile(did, tempKey);
        Path to = storedFile(did, cid);
        Files.createDirectories(to.getParent());
        try {
            move(from, to);
        } catch (NoSuchFileException e) {
            if (Files.isRegularFile(to)) return;
            throw new BlobNotFoundException("no temporary upload " + tempKey + " for " + cid + " of " + did);
        }
    }

    /**
     * An atomic rename; when the temporary area is on another file system, a copy beside the target
     * renamed into place, so readers still never see a partial file.
     */
    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Path part = to.resolveSibling(to.getFileName() + "." + from.getFileName() + ".part");
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE); OutputStream out = Channels.newOutputStream(channel)) {
                Files.copy(from, out);
                channel.force(true);
            } catch (IOException | RuntimeException copyFailure) {
                Files.deleteIfExists(part);
                throw copyFailure;
            }
            Files.move(part, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(from);
        } catch (FileAlreadyExistsException e) {
            // only on platforms whose rename will not replace: the same bytes are already there
            Files.deleteIfExists(from);
        }
    }

    @Override public Optional<InputStream> open(Did did, Cid cid) throws IOException {
        try {
            return Optional.of(Files.newInputStream(storedFile(did, cid)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override public boolean hasStored(Did did, Cid cid) {
        return Files.isRegularFile(storedFile(did, cid));
    }

    @Override public void delete(Did did, Collection<Cid> cids) throws IOException {
        for (Cid cid : cids) Files.deleteIfExists(storedFile(did, cid));
    }

    @Override public void deleteTemp(Did did, String tempKey) throws IOException {
        Files.deleteIfExists(tempFile(did, tempKey));
    }

    @Override public void deleteAll(Did did) throws IOException {
        deleteTree(location.resolve(DidFolderName.of(did)));
        deleteTree(temp.resolve(DidFolderName.of(did)));
    }

    @Override public Set<Did> tempOwners() throws IOException {
        Set<Did> owners = new HashSet<>();
        if (!Files.isDirectory(temp)) return owners;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temp, Files::isDirectory)) {
            for (Path folder : folders) {
                Optional<Did> did = DidFolderName.parse(folder.getFileName().toString());
                if (did.isPresent() && !isEmpty(folder)) owners.add(did.get());
            }
        }
        return owners;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
        LOG.log(System.Logger.Level.DEBUG, "deleted {0}", root);
    }

    private Path storedFile(Did did, Cid cid) {
        return location.resolve(DidFolderName.of(did)).resolve(cid.toString());
    }

    private Path tempFile(Did did, String tempKey) {
        return temp.resolve(DidFolderName.of(did)).resolve(TempKeys.check(tempKey));
    }

    @Override public String toString() {
        return "disk blob store at " + location;
    }
}
