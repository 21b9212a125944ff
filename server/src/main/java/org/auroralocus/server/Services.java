package org.auroralocus.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.identity.CachingDidResolver;
import org.auroralocus.atproto.identity.HandleResolver;
import org.auroralocus.atproto.identity.NetworkDidResolver;
import org.auroralocus.atproto.identity.NetworkHandleResolver;
import org.auroralocus.atproto.identity.SafeHttp;
import org.auroralocus.atproto.identity.TxtLookup;
import org.auroralocus.atproto.identity.plc.HttpPlcClient;
import org.auroralocus.atproto.lexicon.schema.BuiltinLexicons;
import org.auroralocus.atproto.syntax.TidClock;
import org.auroralocus.server.account.AccountCreation;
import org.auroralocus.server.account.AccountDeletion;
import org.auroralocus.server.account.AccountEmail;
import org.auroralocus.server.account.AccountLifecycle;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.account.AppPasswordService;
import org.auroralocus.server.account.EmailTokens;
import org.auroralocus.server.account.PasswordHasher;
import org.auroralocus.server.account.db.AccountDatabase;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.auth.ServiceJwtVerifier;
import org.auroralocus.server.auth.ServiceJwts;
import org.auroralocus.server.auth.SessionJwts;
import org.auroralocus.server.auth.SessionService;
import org.auroralocus.server.blob.BlobCleanup;
import org.auroralocus.server.blob.BlobStore;
import org.auroralocus.server.blob.BlobUploads;
import org.auroralocus.server.blob.DiskBlobStore;
import org.auroralocus.server.blob.S3BlobStore;
import org.auroralocus.server.config.BlobstoreSetting;
import org.auroralocus.server.config.PdsConfig;
import org.auroralocus.server.config.PlcDirectory;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.DatabaseThreads;
import org.auroralocus.server.firehose.Crawlers;
import org.auroralocus.server.firehose.LiveFirehose;
import org.auroralocus.server.firehose.StartupRepair;
import org.auroralocus.server.firehose.SubscribeRepos;
import org.auroralocus.server.identity.DidDocumentCheck;
import org.auroralocus.server.identity.DidCredentials;
import org.auroralocus.server.identity.HandleRules;
import org.auroralocus.server.identity.IdentityLookup;
import org.auroralocus.server.identity.IdentityService;
import org.auroralocus.server.identity.PlcIdentity;
import org.auroralocus.server.identity.PlcOperationSigner;
import org.auroralocus.server.identity.PlcOperationSubmitter;
import org.auroralocus.server.inspect.EventFeed;
import org.auroralocus.server.inspect.Inspection;
import org.auroralocus.server.mail.Mailer;
import org.auroralocus.server.plc.EmbeddedPlcDirectory;
import org.auroralocus.server.plc.db.PlcOperationTable;
import org.auroralocus.server.preferences.AccountPreferences;
import org.auroralocus.server.proxy.Proxying;
import org.auroralocus.server.proxy.UpstreamClient;
import org.auroralocus.server.ratelimit.RateLimiting;
import org.auroralocus.server.repo.RepoService;
import org.auroralocus.server.sequencer.EventRetention;
import org.auroralocus.server.sequencer.SqliteSequencer;

/**
 * The composition root: every service, built once from the configuration and wired by
 * constructor. The HTTP layer ({@link PdsServer}, {@link XrpcApi}) and the desktop application
 * reach the server only through these.
 */
public final class Services implements AutoCloseable {
    private final PdsConfig config;
    private final Clock clock;
    private final Optional<RateLimiting> rateLimiting;
    private final List<AutoCloseable> closeables;
    private final DatabaseThreads threads;
    private final AccountService accounts;
    private final AppPasswordService appPasswords;
    private final SessionJwts jwts;
    private final SessionService sessions;
    private final Optional<EmbeddedPlcDirectory> embeddedPlc;
    private final PlcIdentity plc;
    private final CachingDidResolver dids;
    private final HandleResolver handles;
    private final HandleRules handleRules;
    private final ActorStores actors;
    private final SqliteSequencer sequencer;
    private final ScheduledExecutorService background;
    private final LiveFirehose liveFirehose;
    private final Crawlers crawlers;
    private final SubscribeRepos subscribeRepos;
    private final EventRetention retention;
    private final StartupRepair startupRepair;
    private final RepoService repos;
    private final IdentityService identity;
    private final AccountCreation accountCreation;
    private final ServiceJwts serviceJwts;
    private final ServiceJwtVerifier serviceJwtVerifier;
    private final AccountLifecycle lifecycle;
    private final AccountDeletion deletion;
    private final EmailTokens emailTokens;
    private final Mailer mailer;
    private final AccountEmail accountEmail;
    private final DidCredentials didCredentials;
    private final PlcOperationSigner plcSigner;
    private final PlcOperationSubmitter plcSubmitter;
    private final IdentityLookup identityLookup;
    private final BlobStore blobStore;
    private final BlobUploads blobUploads;
    private final BlobCleanup blobCleanup;
    private final Inspection inspection;
    private final AdminService admin;
    private final AccountPreferences preferences;
    private final Proxying proxying;

    private Services(PdsConfig config, Clock clock, List<AutoCloseable> closeables) {
        this.config = config;
        this.clock = clock;
        this.closeables = closeables;
        SecureRandom random = new SecureRandom();
        threads = closing(DatabaseThreads.forThisMachine());

        Database accountDb = closing(AccountDatabase.open(config.dataDirectory(), threads));
        PasswordHasher hasher = new PasswordHasher(random);
        appPasswords = new AppPasswordService(accountDb, hasher, clock, random);
        accounts = new AccountService(accountDb, hasher, appPasswords, clock, config.inviteRequired());
        jwts = new SessionJwts(config.secrets().jwtSecret(), config.serviceDid(), clock);
        sessions = new SessionService(accountDb, jwts, clock, random);

        embeddedPlc = config.plcDirectory() instanceof PlcDirectory.Embedded
                ? Optional.of(new EmbeddedPlcDirectory(new PlcOperationTable(closing(Database.open(
                        config.dataDirectory().resolve("plc.sqlite"), PlcOperationTable.MIGRATIONS, threads))), clock))
                : Optional.empty();
        // our client talks to the embedded directory over HTTP, exactly as it would to plc.directory
        plc = new PlcIdentity(HttpPlcClient.create(config.plcDirectory().url()),
                KeyPair.fromHex(Curve.K256, config.secrets().plcRotationKeyHex().value()), config.publicUrl(),
                config.recoveryDidKey().map(PublicKey::parseDidKey));

        // the PLC directory is the operator's choice (and on loopback in the local trial), so only
        // user-controlled targets (did:web hosts, handle domains) go through the SSRF protection
        boolean ssrfProtection = config.upstreams().ssrfProtection();
        SafeHttp userTargets = closing(SafeHttp.create(ssrfProtection));
        dids = new CachingDidResolver(new NetworkDidResolver(config.plcDirectory().url(), closing(SafeHttp.create(false)),
                userTargets, NetworkDidResolver.DEFAULT_TIMEOUT), clock);
        handles = new NetworkHandleResolver(TxtLookup.system(Duration.ofSeconds(3)), userTargets);
        handleRules = new HandleRules(config.serviceHandleDomains(), handles::resolve);

        actors = closing(new ActorStores(config.dataDirectory().resolve("actors"), threads));
        Database sequencerDb = closing(Database.open(config.dataDirectory().resolve("sequencer.sqlite"),
                SqliteSequencer.MIGRATIONS, threads));
        background = backgroundThread();
        liveFirehose = new LiveFirehose();
        EventFeed eventFeed = new EventFeed();
        crawlers = closing(new Crawlers(config.firehose().crawlers(), config.hostname(), background, clock,
                Crawlers.Backoff.DEFAULT));
        sequencer = new SqliteSequencer(sequencerDb, clock, event -> {
            liveFirehose.sequenced(event);
            crawlers.sequenced(event);
            eventFeed.sequenced(event);
        });
        subscribeRepos = closing(new SubscribeRepos(sequencer, liveFirehose, config.firehose(), clock, background));
        retention = new EventRetention(sequencer, config.firehose().repoBackfillLimit(), clock);
        blobStore = closing(blobStore(config));
        repos = new RepoService(actors, sequencer, blobStore, BuiltinLexicons.registry(),
                new TidClock(clock, random.nextInt(1024)), clock);
        identity = new IdentityService(accounts, handleRules, plc, handles, sequencer, dids);
        accountCreation = new AccountCreation(accounts, sessions, repos, plc, random);
        serviceJwts = new ServiceJwts(clock, random);
        serviceJwtVerifier = new ServiceJwtVerifier(dids, Set.of(config.serviceDid()), clock);
        lifecycle = new AccountLifecycle(accounts, actors, repos, sequencer,
                new DidDocumentCheck(plc, dids, actors, config.publicUrl()));
        emailTokens = new EmailTokens(accountDb, clock, random);
        didCredentials = new DidCredentials(accounts, actors, plc);
        mailer = Mailer.forSetting(config.email());
        plcSigner = new PlcOperationSigner(accounts, emailTokens, plc, mailer);
        accountEmail = new AccountEmail(accounts, emailTokens, mailer);
        plcSubmitter = new PlcOperationSubmitter(accounts, didCredentials, plc, sequencer, dids);
        identityLookup = new IdentityLookup(identity, dids);
        deletion = new AccountDeletion(accounts, emailTokens, repos, sequencer, blobStore, mailer);
        blobUploads = new BlobUploads(actors, blobStore, clock, config.blobUploadLimit());
        blobCleanup = closing(BlobCleanup.start(actors, blobStore, clock));
        startupRepair = new StartupRepair(accounts, actors, repos, sequencer);
        inspection = new Inspection(accounts, actors, blobStore, sequencer, eventFeed, config.dataDirectory());
        rateLimiting = RateLimiting.from(config.rateLimits(), clock).map(this::closing);
        admin = new AdminService(new AdminService.Parts(accounts, accountCreation, handleRules, identity, lifecycle,
                deletion, mailer), actors, sequencer, accountDb, config.hostname(), clock, random);
        preferences = new AccountPreferences(actors, clock);
        proxying = Proxying.create(config, dids, closing(new UpstreamClient(userTargets, config.upstreams().headersTimeout())),
                serviceJwts, actors, accounts, clock);
    }

    private static BlobStore blobStore(PdsConfig config) {
        try {
            return switch (config.blobstore()) {
                case BlobstoreSetting.Disk disk -> new DiskBlobStore(disk.location(), disk.tempLocation());
                case BlobstoreSetting.S3 s3 -> S3BlobStore.create(s3, config.dataDirectory().resolve("tmp/s3-uploads"));
            };
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("opening the blob store", e);
        }
    }

    /** Builds every service; on failure closes what was already opened. */
    static Services create(PdsConfig config, Clock clock) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            return new Services(config, clock, opened);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    /**
     * One platform thread for timed work (event retention, crawler retries, cutting off stalled
     * subscribers); on close, waiting timers are dropped rather than run.
     */
    private ScheduledExecutorService backgroundThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "aurora-background");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
        closing(executor::shutdownNow);
        return executor;
    }

    /**
     * Sends a {@code #sync} for each repository that is ahead of the firehose (a crash between a
     * commit and its event). Runs before the server accepts requests.
     */
    void repairFirehose() {
        startupRepair.run();
    }

    /** Starts the timed work, once the server is serving: event retention and the crawl requests. */
    void startBackgroundWork() {
        retention.schedule(background);
        crawlers.start();
    }

    private <T extends AutoCloseable> T closing(T resource) {
        closeables.add(resource);
        return resource;
    }

    public PdsConfig config() {
        return config;
    }

    /** The server's clock (tests inject one to move time). */
    /** The rate limits, when PDS_RATE_LIMITS_ENABLED is on. */
    public Optional<RateLimiting> rateLimiting() {
        return rateLimiting;
    }

    public Clock clock() {
        return clock;
    }

    public AccountService accounts() {
        return accounts;
    }

    public AppPasswordService appPasswords() {
        return appPasswords;
    }

    public SessionJwts jwts() {
        return jwts;
    }

    public SessionService sessions() {
        return sessions;
    }

    public Optional<EmbeddedPlcDirectory> embeddedPlc() {
        return embeddedPlc;
    }

    public PlcIdentity plc() {
        return plc;
    }

    public CachingDidResolver dids() {
        return dids;
    }

    public HandleRules handleRules() {
        return handleRules;
    }

    public ActorStores actors() {
        return actors;
    }

    public SqliteSequencer sequencer() {
        return sequencer;
    }

    /** The live fan-out of sequenced events (the dashboard counts its subscribers). */
    public LiveFirehose liveFirehose() {
        return liveFirehose;
    }

    /** The com.atproto.sync.subscribeRepos WebSocket endpoint. */
    public SubscribeRepos subscribeRepos() {
        return subscribeRepos;
    }

    /** Removes events older than PDS_REPO_BACKFILL_LIMIT_MS (tests call it instead of waiting for the schedule). */
    public EventRetention retention() {
        return retention;
    }

    public RepoService repos() {
        return repos;
    }

    public IdentityService identity() {
        return identity;
    }

    public ServiceJwts serviceJwts() {
        return serviceJwts;
    }

    public ServiceJwtVerifier serviceJwtVerifier() {
        return serviceJwtVerifier;
    }

    public AccountCreation accountCreation() {
        return accountCreation;
    }

    public AccountLifecycle lifecycle() {
        return lifecycle;
    }

    public AccountDeletion deletion() {
        return deletion;
    }

    public EmailTokens emailTokens() {
        return emailTokens;
    }

    /** Sends e-mailed codes (through SMTP, or to the log when mail is not set up). */
    public Mailer mailer() {
        return mailer;
    }

    /** Confirming and changing the account's address, and password resets through it. */
    public AccountEmail accountEmail() {
        return accountEmail;
    }

    public DidCredentials didCredentials() {
        return didCredentials;
    }

    public PlcOperationSigner plcSigner() {
        return plcSigner;
    }

    public PlcOperationSubmitter plcSubmitter() {
        return plcSubmitter;
    }

    public IdentityLookup identityLookup() {
        return identityLookup;
    }

    public BlobStore blobStore() {
        return blobStore;
    }

    public BlobUploads blobUploads() {
        return blobUploads;
    }

    /** The job deleting uploads no record took up (tests run it by hand after moving the clock). */
    public BlobCleanup blobCleanup() {
        return blobCleanup;
    }

    /** Read-only views for the desktop application: counts, records, blobs, the event stream. */
    public Inspection inspection() {
        return inspection;
    }

    /** The administrator's actions: accounts, takedowns, invite codes (the admin XRPC methods and the GUI). */
    public AdminService admin() {
        return admin;
    }

    /** The accounts' app.bsky preferences. */
    public AccountPreferences preferences() {
        return preferences;
    }

    /** Forwarding of the methods this server does not serve (the AppView proxy). */
    public Proxying proxying() {
        return proxying;
    }

    /** Closes in reverse order of opening: stores before the threads they run on. */
    @Override public void close() {
        closeAll(closeables);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.getLogger(Services.class.getName()).log(System.Logger.Level.WARNING, "closing " + resources.get(i), e);
            }
        }
        resources.clear();
    }
}
