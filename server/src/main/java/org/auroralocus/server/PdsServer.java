package org.auroralocus.server;

import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Clock;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.account.AppPasswordService;
import org.auroralocus.server.account.PasswordHasher;
import org.auroralocus.server.account.db.AccountDatabase;
import org.auroralocus.server.auth.SessionAuthenticator;
import org.auroralocus.server.auth.SessionJwts;
import org.auroralocus.server.auth.SessionService;
import org.auroralocus.server.config.PdsConfig;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.DatabaseThreads;
import org.auroralocus.server.web.HomePages;
import org.auroralocus.server.xrpc.Auth;
import org.auroralocus.server.xrpc.Cors;
import org.auroralocus.server.xrpc.DataJsonValues;
import org.auroralocus.server.xrpc.XrpcDispatcher;
import org.auroralocus.server.xrpc.XrpcRoutes;
import org.auroralocus.server.xrpc.com.atproto.server.CreateAppPassword;
import org.auroralocus.server.xrpc.com.atproto.server.CreateSession;
import org.auroralocus.server.xrpc.com.atproto.server.DeleteSession;
import org.auroralocus.server.xrpc.com.atproto.server.DescribeServer;
import org.auroralocus.server.xrpc.com.atproto.server.GetSession;
import org.auroralocus.server.xrpc.com.atproto.server.ListAppPasswords;
import org.auroralocus.server.xrpc.com.atproto.server.RefreshSession;
import org.auroralocus.server.xrpc.com.atproto.server.RevokeAppPassword;

/**
 * The composition root: builds every service from the configuration, wires them by constructor,
 * and serves them over HTTP. The one place that knows how the parts fit together.
 */
public final class PdsServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PdsServer.class.getName());

    private final PdsConfig config;
    private final WebServer web;
    private final DatabaseThreads threads;
    private final Database accountDb;
    private final AccountService accounts;

    private PdsServer(PdsConfig config, WebServer web, DatabaseThreads threads, Database accountDb,
                      AccountService accounts) {
        this.config = config;
        this.web = web;
        this.threads = threads;
        this.accountDb = accountDb;
        this.accounts = accounts;
    }

    public static PdsServer start(PdsConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** Starts with an injected clock (tests move time forward to expire tokens). */
    public static PdsServer start(PdsConfig requested, Clock clock) {
        PdsConfig config = requested.port() == 0 ? requested.withPort(freePort(requested.bindHost())) : requested;
        DatabaseThreads threads = DatabaseThreads.forThisMachine();
        SecureRandom random = new SecureRandom();
        Database accountDb = AccountDatabase.open(config.dataDirectory(), threads);
        PasswordHasher hasher = new PasswordHasher(random);
        AppPasswordService appPasswords = new AppPasswordService(accountDb, hasher, clock, random);
        AccountService accounts = new AccountService(accountDb, hasher, appPasswords, clock, config.inviteRequired());
        SessionJwts jwts = new SessionJwts(config.secrets().jwtSecret(), config.serviceDid(), clock);
        SessionService sessions = new SessionService(accountDb, jwts, clock, random);

        XrpcRoutes routes = new XrpcRoutes();
        routes.query(DescribeServer.NSID, new DescribeServer(config), Auth.NONE);
        routes.procedure(CreateSession.NSID, new CreateSession(accounts, sessions), Auth.NONE, CreateSession.BODY_LIMIT);
        routes.query(GetSession.NSID, new GetSession(accounts), Auth.ACCESS);
        routes.procedure(RefreshSession.NSID, new RefreshSession(accounts, sessions), Auth.REFRESH);
        routes.procedure(DeleteSession.NSID, new DeleteSession(sessions), Auth.REFRESH);
        routes.procedure(CreateAppPassword.NSID, new CreateAppPassword(accounts, appPasswords), Auth.ACCESS_FULL);
        routes.query(ListAppPasswords.NSID, new ListAppPasswords(appPasswords), Auth.ACCESS_FULL);
        routes.procedure(RevokeAppPassword.NSID, new RevokeAppPassword(appPasswords), Auth.ACCESS_FULL);
        XrpcDispatcher dispatcher = new XrpcDispatcher(routes,
                new SessionAuthenticator(jwts, config.secrets().adminPassword()), new DataJsonValues(),
                (nsid, req, res) -> false);
        WebServer web = WebServer.builder()
                .host(config.bindHost())
                .port(config.port())
                .routing(r -> r
                        .addFilter(new Cors())
                        .register(new HomePages(AuroraVersion.current()))
                        .any("/xrpc/*", dispatcher))
                .build()
                .start();
        LOG.log(System.Logger.Level.INFO, "Aurora Locus {0} serving {1} on {2}:{3,number,#}",
                AuroraVersion.current(), config.publicUrl(), config.bindHost(), web.port());
        return new PdsServer(config, web, threads, accountDb, accounts);
    }

    /** Port 0 means any free port; it is chosen before start because URLs (the embedded PLC's) carry it. */
    private static int freePort(String host) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    public PdsConfig config() {
        return config;
    }

    public int port() {
        return web.port();
    }

    /** The accounts hosted here (for createAccount, the admin GUI and tests). */
    public AccountService accounts() {
        return accounts;
    }

    @Override public void close() {
        web.stop();
        accountDb.close();
        threads.close();
    }
}
