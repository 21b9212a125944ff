package org.auroralocus.server.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.config.BlobstoreSetting;
import org.auroralocus.server.config.Secret;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blob store contract against a real S3 API server: s3proxy with its filesystem backend, started
 * on a free loopback port with signature checks on, and spoken to with path-style requests as a
 * MinIO or similar self-hosted service would be.
 */
class S3BlobStoreTest extends BlobStoreContract {
    private static final String BUCKET = "aurora-test";
    private static final String ACCESS_KEY = "aurora-access";
    private static final String SECRET_KEY = "aurora-secret-key";

    @TempDir static Path dir;
    static BlobStoreContext backend;
    static S3Proxy s3;
    static S3BlobStore store;

    @BeforeAll
    static void start() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", Files.createDirectories(dir.resolve("s3")).toString());
        backend = ContextBuilder.newBuilder("filesystem").overrides(properties).buildView(BlobStoreContext.class);
        backend.getBlobStore().createContainerInLocation(null, BUCKET);
        s3 = S3Proxy.builder()
                .blobStore(backend.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        s3.start();
        store = S3BlobStore.create(setting(SECRET_KEY), dir.resolve("spool"));
    }

    static BlobstoreSetting.S3 setting(String secret) {
        return new BlobstoreSetting.S3(BUCKET, Optional.of("us-east-1"), Optional.of(URI.create("http://127.0.0.1:" + s3.getPort())),
                true, Optional.of(new BlobstoreSetting.S3Credentials(ACCESS_KEY, new Secret(secret))));
    }

    @AfterAll
    static void stop() throws Exception {
        if (store != null) store.close();
        if (s3 != null) s3.stop();
        if (backend != null) backend.close();
    }

    @Override BlobStore store() {
        return store;
    }

    @Test
    void blobsUseTheOfficialKeyLayout() throws IOException {
        Did did = Did.parse("did:plc:layoutlayoutlayoutlayout");
        byte[] bytes = bytes("laid out");
        Cid cid = Cid.ofRaw(bytes);
        String key = store.putTemp(did, new ByteArrayInputStream(bytes));
        assertTrue(backend.getBlobStore().blobExists(BUCKET, "tmp/" + did + "/" + key));

        store.makePermanent(did, key, cid);

        assertTrue(backend.getBlobStore().blobExists(BUCKET, "blocks/" + did + "/" + cid));
        assertEquals(0, Files.list(dir.resolve("spool")).count(), "no spool file stays behind");
    }

    @Test
    void wrongCredentialsAreAnIoFailureNamingTheKey() throws IOException {
        try (S3BlobStore wrong = S3BlobStore.create(setting("not-the-secret"), dir.resolve("spool-wrong"))) {
            Did did = Did.parse("did:plc:wrongwrongwrongwrongwron");
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> wrong.putTemp(did, new ByteArrayInputStream(bytes("x"))));
            assertTrue(e.getMessage().contains("tmp/" + did), e.getMessage());
        }
    }
}
