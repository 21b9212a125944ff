package org.auroralocus.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.auroralocus.server.ratelimit.RedisAddress;

/**
 * The server's whole configuration, resolved and validated by {@link ConfigLoader}.
 *
 * @param localTrial no {@code PDS_HOSTNAME} was given: localhost, dev mode, handles under .test,
 *                   the embedded PLC directory, bound to loopback only
 * @param bindHost   the address to listen on (loopback for the trial, all interfaces otherwise)
 * @param envFile    the {@code pds.env} this configuration was read from and secrets are written to
 * @param blobstore  where blobs are kept (disk or S3)
 * @param repoImports whether importRepo is served, and its largest CAR
 * @param email      where e-mailed codes are sent from; empty when mail is not set up (codes are logged)
 * @param links      what describeServer tells clients about the operator
 * @param recoveryDidKey {@code PDS_RECOVERY_DID_KEY}: a did:key put ahead of the server's rotation key in
 *                   every new account's DID, so its holder can recover accounts without this server
 * @param upstreams  the AppView and report service calls are proxied to, and whether outbound requests
 *                   to user-named hosts are protected against SSRF
 */
public record PdsConfig(
        String hostname,
        int port,
        String bindHost,
        String publicUrl,
        String serviceDid,
        boolean devMode,
        boolean localTrial,
        Path dataDirectory,
        Path envFile,
        List<String> serviceHandleDomains,
        boolean inviteRequired,
        int blobUploadLimit,
        BlobstoreSetting blobstore,
        PlcDirectory plcDirectory,
        Secrets secrets,
        Firehose firehose,
        RepoImports repoImports,
        Optional<EmailSetting> email,
        RateLimits rateLimits,
        ServiceLinks links,
        Optional<String> recoveryDidKey,
        Upstreams upstreams) {

    public PdsConfig {
        serviceHandleDomains = List.copyOf(serviceHandleDomains);
    }

    /**
     * What relays see: how long events are kept for replay ({@code PDS_REPO_BACKFILL_LIMIT_MS}), how
     * many events a subscriber may fall behind before it is cut off ({@code PDS_MAX_SUBSCRIPTION_BUFFER}),
     * and the relays asked to crawl this server ({@code PDS_CRAWLERS}).
     */
    public record Firehose(Duration repoBackfillLimit, int maxSubscriptionBuffer, List<URI> crawlers) {
        public Firehose {
            if (repoBackfillLimit.isNegative() || repoBackfillLimit.isZero()) {
                throw new IllegalArgumentException("the backfill limit must be positive: " + repoBackfillLimit);
            }
            if (maxSubscriptionBuffer < 1) throw new IllegalArgumentException("the subscription buffer must hold an event");
            crawlers = List.copyOf(crawlers);
        }
    }

    /**
     * importRepo ({@code PDS_ACCEPTING_REPO_IMPORTS}, default on; {@code PDS_MAX_REPO_IMPORT_SIZE}, by
     * default the blob upload limit, as in the official PDS, where the import shares the blob body limit).
     */
    public record RepoImports(boolean accepting, long maxSize) {
        public RepoImports {
            if (maxSize < 1) throw new IllegalArgumentException("the largest import must be positive: " + maxSize);
        }
    }

    /**
     * Rate limits as the official PDS: off unless {@code PDS_RATE_LIMITS_ENABLED}; a request carrying
     * {@code x-ratelimit-bypass: PDS_RATE_LIMIT_BYPASS_KEY} or from one of {@code PDS_RATE_LIMIT_BYPASS_IPS}
     * is not counted; counts are kept in Redis when {@code PDS_REDIS_SCRATCH_ADDRESS} is set.
     */
    public record RateLimits(boolean enabled, Optional<Secret> bypassKey, List<String> bypassIps,
                             Optional<RedisAddress> redis) {
        public RateLimits {
            bypassIps = List.copyOf(bypassIps);
        }
    }

    /**
     * The operator's pages and address that describeServer shows ({@code PDS_PRIVACY_POLICY_URL},
     * {@code PDS_TERMS_OF_SERVICE_URL}, {@code PDS_CONTACT_EMAIL_ADDRESS}); sign-up screens link to them.
     */
    public record ServiceLinks(Optional<URI> privacyPolicy, Optional<URI> termsOfService, Optional<String> contactEmail) {
        public static final ServiceLinks NONE = new ServiceLinks(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Where XRPC calls this server does not answer itself go: the AppView ({@code PDS_BSKY_APP_VIEW_URL},
     * {@code PDS_BSKY_APP_VIEW_DID}, and {@code PDS_BSKY_APP_VIEW_CDN_URL_PATTERN} for image links), the
     * report service ({@code PDS_REPORT_SERVICE_URL}, {@code PDS_REPORT_SERVICE_DID}); and
     * {@code ssrfProtection}: outbound requests to user-named hosts may only reach public addresses over
     * https (off with {@code PDS_DISABLE_SSRF_PROTECTION}, which defaults to {@code PDS_DEV_MODE});
     * {@code headersTimeout}: how long a proxied call waits for the answer's headers
     * ({@code PDS_PROXY_HEADERS_TIMEOUT}, milliseconds, default 10 s as the official PDS).
     */
    public record Upstreams(Optional<Upstream> appView, Optional<Upstream> reportService, boolean ssrfProtection,
                            Duration headersTimeout) {
        public Upstreams {
            if (headersTimeout.isNegative() || headersTimeout.isZero()) {
                throw new IllegalArgumentException("the proxy timeout must be positive: " + headersTimeout);
            }
        }
    }

    /**
     * One configured service: its base URL and DID; {@code cdnUrlPattern} is a {@code printf} pattern of
     * (image kind, did, cid) for image links (the AppView's CDN), empty for links to this server's getBlob.
     */
    public record Upstream(URI url, String did, Optional<String> cdnUrlPattern) {}

    /** The three secrets the server needs; generated on first start when not configured. */
    public record Secrets(Secret adminPassword, Secret jwtSecret, Secret plcRotationKeyHex) {}

    /**
     * A copy for the port actually bound (tests ask for port 0, a free one). On localhost the public
     * URL, and the embedded PLC directory's URL under it, carry the port, so they follow it.
     */
    public PdsConfig withPort(int boundPort) {
        String url = hostname.equals("localhost") ? "http://localhost:" + boundPort : publicUrl;
        PlcDirectory plc = plcDirectory instanceof PlcDirectory.Embedded
                ? new PlcDirectory.Embedded(URI.create(url + "/plc"))
                : plcDirectory;
        return new PdsConfig(hostname, boundPort, bindHost, url, serviceDid, devMode, localTrial, dataDirectory,
                envFile, serviceHandleDomains, inviteRequired, blobUploadLimit, blobstore, plc, secrets, firehose,
                repoImports, email, rateLimits, links, recoveryDidKey, upstreams);
    }
}
