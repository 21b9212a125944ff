package org.auroralocus.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.server.ratelimit.RedisAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final String KEY = "a".repeat(64);

    @TempDir Path dir;

    private ConfigLoader loader(Map<String, String> env) {
        return new ConfigLoader(env, "Linux", dir.resolve("home"), new SecureRandom(), () -> KEY);
    }

    @Test
    void withNothingConfiguredRunsTheLocalTrial() {
        PdsConfig c = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString())).load(Optional.empty());
        assertTrue(c.localTrial());
        assertTrue(c.devMode());
        assertEquals("localhost", c.hostname());
        assertEquals(2583, c.port());
        assertEquals("127.0.0.1", c.bindHost());
        assertEquals("http://localhost:2583", c.publicUrl());
        assertEquals("did:web:localhost", c.serviceDid());
        assertEquals(List.of(".test"), c.serviceHandleDomains());
        assertEquals(new PlcDirectory.Embedded(java.net.URI.create("http://localhost:2583/plc")), c.plcDirectory());
    }

    @Test
    void generatesMissingSecretsOnceIntoAnOwnerOnlyFile() throws IOException {
        Map<String, String> env = Map.of("PDS_DATA_DIRECTORY", dir.toString());
        PdsConfig first = loader(env).load(Optional.empty());
        Path file = dir.resolve("pds.env");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        String text = Files.readString(file);
        assertTrue(text.contains("PDS_JWT_SECRET=" + first.secrets().jwtSecret().value()));
        assertTrue(text.contains("PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX=" + KEY));
        PdsConfig second = loader(env).load(Optional.empty());
        assertEquals(first.secrets().adminPassword().value(), second.secrets().adminPassword().value());
        assertEquals(text, Files.readString(file), "a second start writes nothing");
    }

    @Test
    void defaultDataFolderFollowsXdgOnLinux() {
        PdsConfig c = loader(Map.of("XDG_DATA_HOME", dir.resolve("xdg").toString())).load(Optional.empty());
        assertEquals(dir.resolve("xdg/aurora-locus"), c.dataDirectory());
        assertTrue(Files.exists(dir.resolve("xdg/aurora-locus/pds.env")));
    }

    @Test
    void readsAnOfficialPdsEnvAsItIs() throws IOException {
        Path env = dir.resolve("official.env");
        Files.writeString(env, """
                PDS_HOSTNAME=pds.example.com
                PDS_JWT_SECRET=0123456789abcdef0123456789abcdef
                PDS_ADMIN_PASSWORD=secretpass
                PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX=%s
                PDS_DATA_DIRECTORY=%s
                PDS_BLOBSTORE_DISK_LOCATION=/pds/blocks
                PDS_BLOB_UPLOAD_LIMIT=52428800
                PDS_DID_PLC_URL=https://plc.directory
                PDS_BSKY_APP_VIEW_URL=https://api.bsky.app
                PDS_REPORT_SERVICE_URL=https://mod.bsky.app
                PDS_CRAWLERS=https://bsky.network
                LOG_ENABLED=true
                """.formatted(KEY, dir.resolve("pds")));
        PdsConfig c = loader(Map.of()).load(Optional.of(env));
        assertFalse(c.localTrial());
        assertFalse(c.devMode());
        assertEquals("https://pds.example.com", c.publicUrl());
        assertEquals("did:web:pds.example.com", c.serviceDid());
        assertEquals("0.0.0.0", c.bindHost());
        assertEquals(List.of(".pds.example.com"), c.serviceHandleDomains());
        assertEquals(52428800, c.blobUploadLimit());
        assertEquals(new BlobstoreSetting.Disk(Path.of("/pds/blocks"), Path.of("/pds/blocks/temp")), c.blobstore());
        assertEquals(dir.resolve("pds"), c.dataDirectory());
        assertInstanceOf(PlcDirectory.Remote.class, c.plcDirectory());
        assertTrue(c.secrets().adminPassword().matches("secretpass"));
        assertEquals(List.of(java.net.URI.create("https://bsky.network")), c.firehose().crawlers());
    }

    @Test
    void environmentWinsOverTheFile() throws IOException {
        Path env = dir.resolve("pds.env");
        Files.writeString(env, "PDS_PORT=3000\nPDS_INVITE_REQUIRED=false\n");
        PdsConfig c = loader(Map.of("PDS_PORT", "4000", "PDS_INVITE_REQUIRED", "true")).load(Optional.of(env));
        assertEquals(4000, c.port());
        assertTrue(c.inviteRequired());
    }

    @Test
    void anInvalidSettingNamesTheVariable() {
        var e = assertThrows(ConfigException.class,
                () -> loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(), "PDS_PORT", "eighty")).load(Optional.empty()));
        assertEquals("PDS_PORT must be a whole number, got \"eighty\"", e.getMessage());
        var key = assertThrows(ConfigException.class, () -> loader(Map.of(
                "PDS_DATA_DIRECTORY", dir.toString(), "PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX", "xyz")).load(Optional.empty()));
        assertTrue(key.getMessage().startsWith("PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX"));
    }

    @Test
    void aMissingEnvFileIsOneClearLine() {
        var e = assertThrows(ConfigException.class, () -> loader(Map.of()).load(Optional.of(dir.resolve("nope.env"))));
        assertTrue(e.getMessage().contains("does not exist"));
    }

    @Test
    void embeddedPlcCanBeChosenForAConfiguredServer() {
        PdsConfig c = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(), "PDS_HOSTNAME", "pds.example.com",
                "PDS_DID_PLC_URL", "embedded")).load(Optional.empty());
        assertEquals(new PlcDirectory.Embedded(java.net.URI.create("https://pds.example.com/plc")), c.plcDirectory());
    }

    @Test
    void firehoseSettingsHaveTheOfficialNamesAndDefaults() {
        PdsConfig defaults = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString())).load(Optional.empty());
        assertEquals(new PdsConfig.Firehose(java.time.Duration.ofDays(1), 500, List.of()), defaults.firehose());

        PdsConfig set = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(),
                "PDS_REPO_BACKFILL_LIMIT_MS", "2592000000",
                "PDS_MAX_SUBSCRIPTION_BUFFER", "50",
                "PDS_CRAWLERS", "https://bsky.network, http://relay.example.com:2470")).load(Optional.empty());
        assertEquals(java.time.Duration.ofDays(30), set.firehose().repoBackfillLimit(), "thirty days in ms is beyond an int");
        assertEquals(50, set.firehose().maxSubscriptionBuffer());
        assertEquals(List.of(java.net.URI.create("https://bsky.network"), java.net.URI.create("http://relay.example.com:2470")),
                set.firehose().crawlers());

        var badCrawler = assertThrows(ConfigException.class, () -> loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(),
                "PDS_CRAWLERS", "bsky.network")).load(Optional.empty()));
        assertEquals("PDS_CRAWLERS entries must be http(s) URLs such as https://bsky.network, got \"bsky.network\"",
                badCrawler.getMessage());
        var badLimit = assertThrows(ConfigException.class, () -> loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(),
                "PDS_REPO_BACKFILL_LIMIT_MS", "0")).load(Optional.empty()));
        assertEquals("PDS_REPO_BACKFILL_LIMIT_MS must be positive, got 0", badLimit.getMessage());
    }

    @Test
    void repoImportsAreAcceptedByDefaultUpToTheBlobLimitAsInTheOfficialPds() {
        PdsConfig defaults = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(), "PDS_BLOB_UPLOAD_LIMIT", "1000"))
                .load(Optional.empty());
        assertEquals(new PdsConfig.RepoImports(true, 1000), defaults.repoImports());

        PdsConfig set = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(), "PDS_ACCEPTING_REPO_IMPORTS", "false",
                "PDS_MAX_REPO_IMPORT_SIZE", "5000000000")).load(Optional.empty());
        assertEquals(new PdsConfig.RepoImports(false, 5_000_000_000L), set.repoImports(), "five GB is beyond an int");

        var bad = assertThrows(ConfigException.class, () -> loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(),
                "PDS_MAX_REPO_IMPORT_SIZE", "-1")).load(Optional.empty()));
        assertEquals("PDS_MAX_REPO_IMPORT_SIZE must be positive, got -1", bad.getMessage());
    }

    @Test
    void rateLimitsAreOffByDefaultAsInTheOfficialPds() {
        PdsConfig defaults = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString())).load(Optional.empty());
        assertEquals(new PdsConfig.RateLimits(false, Optional.empty(), List.of(), Optional.empty()), defaults.rateLimits());
    }

    @Test
    void rateLimitSettingsHaveTheOfficialNames() {
        PdsConfig set = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(), "PDS_RATE_LIMITS_ENABLED", "true",
                "PDS_RATE_LIMIT_BYPASS_KEY", "let-me-in", "PDS_RATE_LIMIT_BYPASS_IPS", "10.0.0.1, 10.0.0.2",
                "PDS_REDIS_SCRATCH_ADDRESS", "redis.internal:6380")).load(Optional.empty());
        assertEquals(new PdsConfig.RateLimits(true, Optional.of(new Secret("let-me-in")), List.of("10.0.0.1", "10.0.0.2"),
                Optional.of(new RedisAddress("redis.internal", 6380))), set.rateLimits());
    }

    @Test
    void proxySettingsHaveTheOfficialNamesAndSsrfProtectionFollowsDevMode() {
        PdsConfig none = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(), "PDS_HOSTNAME", "pds.example.com")).load(Optional.empty());
        assertEquals(new PdsConfig.Upstreams(Optional.empty(), Optional.empty(), true, java.time.Duration.ofSeconds(10)), none.upstreams());
        PdsConfig set = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(), "PDS_HOSTNAME", "pds.example.com",
                "PDS_BSKY_APP_VIEW_URL", "https://api.bsky.app", "PDS_BSKY_APP_VIEW_DID", "did:web:api.bsky.app",
                "PDS_BSKY_APP_VIEW_CDN_URL_PATTERN", "https://cdn.bsky.app/img/%s/plain/%s/%s@jpeg",
                "PDS_REPORT_SERVICE_URL", "https://mod.bsky.app", "PDS_REPORT_SERVICE_DID", "did:plc:ar7c4by46qjdydhdevvrndac",
                "PDS_DISABLE_SSRF_PROTECTION", "true", "PDS_PROXY_HEADERS_TIMEOUT", "2500")).load(Optional.empty());
        assertEquals(new PdsConfig.Upstreams(
                Optional.of(new PdsConfig.Upstream(java.net.URI.create("https://api.bsky.app"), "did:web:api.bsky.app",
                        Optional.of("https://cdn.bsky.app/img/%s/plain/%s/%s@jpeg"))),
                Optional.of(new PdsConfig.Upstream(java.net.URI.create("https://mod.bsky.app"), "did:plc:ar7c4by46qjdydhdevvrndac",
                        Optional.empty())),
                false, java.time.Duration.ofMillis(2500)), set.upstreams());
        PdsConfig trial = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString())).load(Optional.empty());
        assertFalse(trial.upstreams().ssrfProtection());
    }

    @Test
    void anAppViewUrlWithoutItsDidIsOneClearLine() {
        var bad = assertThrows(ConfigException.class, () -> loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(),
                "PDS_BSKY_APP_VIEW_URL", "https://appview.example.com")).load(Optional.empty()));
        assertEquals("Set both PDS_BSKY_APP_VIEW_URL and PDS_BSKY_APP_VIEW_DID, or neither", bad.getMessage());
        PdsConfig bluesky = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(), "PDS_BSKY_APP_VIEW_URL", "https://api.bsky.app"))
                .load(Optional.empty());
        assertEquals("did:web:api.bsky.app", bluesky.upstreams().appView().orElseThrow().did());
    }

    @Test
    void aRedisAddressWithoutAPortNumberIsOneClearLine() {
        var bad = assertThrows(ConfigException.class, () -> loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(),
                "PDS_REDIS_SCRATCH_ADDRESS", "redis:sixty")).load(Optional.empty()));
        assertEquals("PDS_REDIS_SCRATCH_ADDRESS must be host:port such as 127.0.0.1:6379, got \"redis:sixty\"", bad.getMessage());
    }

    @Test
    void secretsNeverShowInToString() {
        PdsConfig c = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(), "PDS_ADMIN_PASSWORD", "hunter2")).load(Optional.empty());
        assertFalse(c.toString().contains("hunter2"));
        assertFalse(c.toString().contains(KEY));
    }

    // --- blob store ---

    private PdsConfig withBlobSettings(Map<String, String> settings) {
        Map<String, String> env = new java.util.HashMap<>(settings);
        env.put("PDS_DATA_DIRECTORY", dir.toString());
        return loader(env).load(Optional.empty());
    }

    @Test
    void blobsLiveOnDiskInTheDataFolderByDefault() {
        assertEquals(new BlobstoreSetting.Disk(dir.resolve("blobs"), dir.resolve("blobs/temp")), withBlobSettings(Map.of()).blobstore());
    }

    @Test
    void theDiskLocationAndItsTemporaryAreaCanBeMoved() {
        PdsConfig c = withBlobSettings(Map.of("PDS_BLOBSTORE_DISK_LOCATION", dir.resolve("b").toString(),
                "PDS_BLOBSTORE_DISK_TMP_LOCATION", dir.resolve("t").toString()));
        assertEquals(new BlobstoreSetting.Disk(dir.resolve("b"), dir.resolve("t")), c.blobstore());
    }

    @Test
    void aBucketChoosesS3WithEverySetting() {
        PdsConfig c = withBlobSettings(Map.of("PDS_BLOBSTORE_S3_BUCKET", "blobs", "PDS_BLOBSTORE_S3_REGION", "eu-west-3",
                "PDS_BLOBSTORE_S3_ENDPOINT", "https://s3.example.com", "PDS_BLOBSTORE_S3_FORCE_PATH_STYLE", "true",
                "PDS_BLOBSTORE_S3_ACCESS_KEY_ID", "AKIA1", "PDS_BLOBSTORE_S3_SECRET_ACCESS_KEY", "shh-secret"));
        BlobstoreSetting.S3 s3 = assertInstanceOf(BlobstoreSetting.S3.class, c.blobstore());
        assertEquals("blobs", s3.bucket());
        assertEquals(Optional.of("eu-west-3"), s3.region());
        assertEquals(Optional.of(java.net.URI.create("https://s3.example.com")), s3.endpoint());
        assertTrue(s3.forcePathStyle());
        assertEquals("AKIA1", s3.credentials().orElseThrow().accessKeyId());
        assertTrue(s3.credentials().orElseThrow().secretAccessKey().matches("shh-secret"));
        assertFalse(c.toString().contains("shh-secret"), "the secret key never shows");
    }

    @Test
    void aBucketAloneLeavesRegionEndpointAndCredentialsToTheSdk() {
        BlobstoreSetting.S3 s3 = assertInstanceOf(BlobstoreSetting.S3.class,
                withBlobSettings(Map.of("PDS_BLOBSTORE_S3_BUCKET", "blobs")).blobstore());
        assertEquals(new BlobstoreSetting.S3("blobs", Optional.empty(), Optional.empty(), false, Optional.empty()), s3);
    }

    @Test
    void diskAndS3TogetherAreRefusedNamingBothVariables() {
        var e = assertThrows(ConfigException.class, () -> withBlobSettings(Map.of("PDS_BLOBSTORE_S3_BUCKET", "blobs",
                "PDS_BLOBSTORE_DISK_LOCATION", dir.resolve("b").toString())));
        assertTrue(e.getMessage().startsWith("Cannot set both S3 and disk blobstore env vars"), e.getMessage());
        assertTrue(e.getMessage().contains("PDS_BLOBSTORE_S3_BUCKET") && e.getMessage().contains("PDS_BLOBSTORE_DISK_LOCATION"));
    }

    @Test
    void halfOfTheS3CredentialsIsOneClearLine() {
        for (String given : List.of("PDS_BLOBSTORE_S3_ACCESS_KEY_ID", "PDS_BLOBSTORE_S3_SECRET_ACCESS_KEY")) {
            var e = assertThrows(ConfigException.class, () -> withBlobSettings(Map.of("PDS_BLOBSTORE_S3_BUCKET", "b", given, "x")));
            assertFalse(e.getMessage().contains("\n"));
            assertTrue(e.getMessage().contains("PDS_BLOBSTORE_S3_ACCESS_KEY_ID") && e.getMessage().contains("PDS_BLOBSTORE_S3_SECRET_ACCESS_KEY"),
                    e.getMessage());
        }
    }

    @Test
    void anS3EndpointMustBeAnHttpUrl() {
        var e = assertThrows(ConfigException.class, () -> withBlobSettings(Map.of("PDS_BLOBSTORE_S3_BUCKET", "b",
                "PDS_BLOBSTORE_S3_ENDPOINT", "s3.example.com")));
        assertTrue(e.getMessage().startsWith("PDS_BLOBSTORE_S3_ENDPOINT must be an http(s) URL"), e.getMessage());
        var flag = assertThrows(ConfigException.class, () -> withBlobSettings(Map.of("PDS_BLOBSTORE_S3_BUCKET", "b",
                "PDS_BLOBSTORE_S3_FORCE_PATH_STYLE", "sure")));
        assertTrue(flag.getMessage().startsWith("PDS_BLOBSTORE_S3_FORCE_PATH_STYLE"), flag.getMessage());
    }

    @Test
    void smtpMailIsConfiguredByUrlAndSenderTogether() {
        PdsConfig none = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString())).load(Optional.empty());
        assertTrue(none.email().isEmpty());
        PdsConfig set = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(),
                "PDS_EMAIL_SMTP_URL", "smtps://mailer:s3cret@smtp.example.com:2465",
                "PDS_EMAIL_FROM_ADDRESS", "noreply@example.com")).load(Optional.empty());
        EmailSetting email = set.email().orElseThrow();
        assertTrue(email.implicitTls());
        assertEquals("smtp.example.com", email.host());
        assertEquals(2465, email.port());
        assertEquals(Optional.of("mailer"), email.username());
        assertEquals("s3cret", email.password().orElseThrow().value());
        assertFalse(set.toString().contains("s3cret"), "the SMTP password never reaches a log");
        EmailSetting plain = loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(),
                "PDS_EMAIL_SMTP_URL", "smtp://localhost", "PDS_EMAIL_FROM_ADDRESS", "pds@localhost.test"))
                .load(Optional.empty()).email().orElseThrow();
        assertFalse(plain.implicitTls());
        assertEquals(25, plain.port());
        assertTrue(plain.username().isEmpty());
        var half = assertThrows(ConfigException.class, () -> loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(),
                "PDS_EMAIL_SMTP_URL", "smtp://localhost")).load(Optional.empty()));
        assertTrue(half.getMessage().contains("PDS_EMAIL_FROM_ADDRESS"));
        var scheme = assertThrows(ConfigException.class, () -> loader(Map.of("PDS_DATA_DIRECTORY", dir.toString(),
                "PDS_EMAIL_SMTP_URL", "http://user:pw@localhost", "PDS_EMAIL_FROM_ADDRESS", "a@b.c")).load(Optional.empty()));
        assertFalse(scheme.getMessage().contains("pw@"), "the message does not repeat a password");
    }
}
