package org.auroralocus.server.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.SyntaxException;
import org.auroralocus.server.config.BlobstoreSetting;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs in an S3 bucket (AWS or any S3-compatible service), with the official PDS's key layout so
 * that a bucket can move between the two: {@code blocks/<did>/<cid>} for permanent blobs and
 * {@code tmp/<did>/<key>} for uploads. Making a blob permanent is a server-side copy and a delete.
 *
 * <p>An upload is first written to a local spool file and then sent with its length: S3 needs the
 * length of a single PUT up front, the client's may be unknown (chunked), and a file lets the SDK
 * retry a failed attempt. Uploads are small (the upload limit), so the extra local write is cheap.
 */
public final class S3BlobStore implements BlobStore {
    private static final System.Logger LOG = System.getLogger(S3BlobStore.class.getName());
    private static final String DEFAULT_REGION = "us-east-1";

    private final S3Client client;
    private final String bucket;
    private final Path spool;
    private final TempKeys keys = new TempKeys(new SecureRandom());

    S3BlobStore(S3Client client, String bucket, Path spool) throws IOException {
        this.client = client;
        this.bucket = bucket;
        this.spool = Files.createDirectories(spool.toAbsolutePath());
        clearSpool();
    }

    /**
     * A store for the configured bucket. The JDK's own HTTP client carries the requests (no Apache or
     * Netty stack to ship). Checksums are sent only where S3 requires them: S3-compatible services
     * (s3proxy, older MinIO and Ceph) refuse the SDK's newer default CRC checksum headers with a 501.
     *
     * @param spool a local folder for uploads on their way to the bucket
     */
    public static S3BlobStore create(BlobstoreSetting.S3 setting, Path spool) throws IOException {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        // a read from S3 can wait on a slow client downloading the blob
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .region(Region.of(setting.region().orElseGet(S3BlobStore::defaultRegion)))
                .forcePathStyle(setting.forcePathStyle())
                .credentialsProvider(credentials(setting))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        setting.endpoint().ifPresent(builder::endpointOverride);
        S3Client client = builder.build();
        try {
            LOG.log(System.Logger.Level.INFO, "blobs in S3 bucket {0}{1}", setting.bucket(),
                    setting.endpoint().map(e -> " at " + e).orElse(""));
            return new S3BlobStore(client, setting.bucket(), spool);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static String defaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkException e) {
            // S3-compatible services mostly ignore the region but the signature needs one
            return DEFAULT_REGION;
        }
    }

    private static AwsCredentialsProvider credentials(BlobstoreSetting.S3 setting) {
        return setting.credentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey().value())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    @Override public String putTemp(Did did, InputStream bytes) throws IOException {
        String key = keys.next();
        Path file = spool.resolve(key + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                bytes.transferTo(out);
            }
            call("uploading " + tempKey(did, key), () -> client.putObject(
                    r -> r.bucket(bucket).key(tempKey(did, key)), RequestBody.fromFile(file)));
        } finally {
            Files.deleteIfExists(file);
        }
        return key;
    }

    @Override public boolean hasTemp(Did did, String tempKey) throws IOException {
        return exists(tempKey(did, tempKey));
    }

    @Override public void makePermanent(Did did, String tempKey, Cid cid) throws IOException {
        String from = tempKey(did, tempKey);
        String to = storedKey(did, cid);
        try {
            client.copyObject(r -> r.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket).destinationKey(to));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) throw new IOException("copying " + from + " to " + to + ": " + e.getMessage(), e);
            // gone from the temporary area: fine if another writer made it permanent first
            if (exists(to)) return;
            throw new BlobNotFoundException("no temporary upload " + tempKey + " for " + cid + " of " + did);
        } catch (SdkException e) {
            throw new IOException("copying " + from + " to " + to + ": " + e.getMessage(), e);
        }
        deleteKey(from);
    }

    @Override public Optional<InputStream> open(Did did, Cid cid) throws IOException {
        String key = storedKey(did, cid);
        try {
            return Optional.of(client.getObject(r -> r.bucket(bucket).key(key)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw new IOException("reading " + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("reading " + key + ": " + e.getMessage(), e);
        }
    }

    @Override public boolean hasStored(Did did, Cid cid) throws IOException {
        return exists(storedKey(did, cid));
    }

    @Override public void delete(Did did, Collection<Cid> cids) throws IOException {
        deleteKeys(cids.stream().map(cid -> storedKey(did, cid)).toList());
    }

    @Override public void deleteTemp(Did did, String tempKey) throws IOException {
        deleteKey(tempKey(did, tempKey));
    }

    @Override public void deleteAll(Did did) throws IOException {
        for (String prefix : List.of("blocks/" + did + "/", "tmp/" + did + "/")) {
            List<String> found = call("listing " + prefix, () -> client.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
                    .contents().stream().map(S3Object::key).toList());
            deleteKeys(found);
        }
    }

    @Override public Set<Did> tempOwners() throws IOException {
        List<String> prefixes = call("listing tmp/", () -> client.listObjectsV2Paginator(r -> r.bucket(bucket).prefix("tmp/").delimiter("/"))
                .commonPrefixes().stream().map(CommonPrefix::prefix).toList());
        Set<Did> owners = new HashSet<>();
        for (String prefix : prefixes) {
            String did = prefix.substring("tmp/".length(), prefix.length() - 1);
            try {
                owners.add(Did.parse(did));
            } catch (SyntaxException e) {
                LOG.log(System.Logger.Level.DEBUG, "ignoring {0} in the bucket: not a DID", prefix);
            }
        }
        return owners;
    }

    /**
     * One DeleteObject per key. The batch DeleteObjects call would save requests, but S3 requires a
     * checksum on it and the SDK now always sends a CRC one, which S3-compatible services such as
     * s3proxy refuse; deletes are few (a post's images, an account's blobs once).
     */
    private void deleteKeys(List<String> keys) throws IOException {
        for (String key : keys) deleteKey(key);
    }

    private void deleteKey(String key) throws IOException {
        call("deleting " + key, () -> client.deleteObject(r -> r.bucket(bucket).key(key)));
    }

    private boolean exists(String key) throws IOException {
        try {
            client.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw new IOException("looking up " + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("looking up " + key + ": " + e.getMessage(), e);
        }
    }

    /** Runs one SDK call, turning its unchecked failures into the store's {@link IOException}. */
    private static <T> T call(String what, Supplier<T> request) throws IOException {
        try {
            return request.get();
        } catch (SdkException e) {
            throw new IOException(what + ": " + e.getMessage(), e);
        }
    }

    /** Spool files left by a crash belong to no upload any more. */
    private void clearSpool() throws IOException {
        try (var files = Files.list(spool)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) Files.deleteIfExists(p);
        }
    }

    private static String tempKey(Did did, String key) {
        return "tmp/" + did + "/" + TempKeys.check(key);
    }

    private static String storedKey(Did did, Cid cid) {
        return "blocks/" + did + "/" + cid;
    }

    @Override public void close() {
        client.close();
    }

    @Override public String toString() {
        return "S3 blob store in bucket " + bucket;
    }
}
