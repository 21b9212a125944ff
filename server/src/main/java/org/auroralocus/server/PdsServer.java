package org.auroralocus.server;

import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Optional;
import org.auroralocus.server.config.PdsConfig;
import org.auroralocus.server.db.DatabaseThreads;
import org.auroralocus.server.web.HomePages;
import org.auroralocus.server.xrpc.Auth;
import org.auroralocus.server.xrpc.Cors;
import org.auroralocus.server.xrpc.DataJsonValues;
import org.auroralocus.server.xrpc.XrpcDispatcher;
import org.auroralocus.server.xrpc.XrpcRoutes;
import org.auroralocus.server.xrpc.com.atproto.server.DescribeServer;

/**
 * The composition root: builds every service from the configuration, wires them by constructor,
 * and serves them over HTTP. The one place that knows how the parts fit together.
 */
public final class PdsServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PdsServer.class.getName());

    private final PdsConfig config;
    private final WebServer web;
    private final DatabaseThreads threads;

    private PdsServer(PdsConfig config, WebServer web, DatabaseThreads threads) {
        this.config = config;
        this.web = web;
        this.threads = threads;
    }

    public static PdsServer start(PdsConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** Starts with an injected clock (tests move time forward to expire tokens). */
    public static PdsServer start(PdsConfig requested, Clock clock) {
        PdsConfig config = requested.port() == 0 ? requested.withPort(freePort(requested.bindHost())) : requested;
        DatabaseThreads threads = DatabaseThreads.forThisMachine();
        XrpcRoutes routes = new XrpcRoutes();
        routes.query(DescribeServer.NSID, new DescribeServer(config), Auth.NONE);
        XrpcDispatcher dispatcher = new XrpcDispatcher(routes, new NoSessionsYet(), new DataJsonValues(),
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
        return new PdsServer(config, web, threads);
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

    @Override public void close() {
        web.stop();
        threads.close();
    }

    /** Until sessions arrive every route is public; a presented credential cannot be checked yet. */
    private static final class NoSessionsYet implements org.auroralocus.server.xrpc.Authenticator {
        @Override public org.auroralocus.server.xrpc.Caller authenticate(Auth auth, org.auroralocus.atproto.syntax.Nsid nsid,
                                                                         Optional<String> authorization) {
            if (auth == Auth.NONE) return new org.auroralocus.server.xrpc.Caller.Anonymous();
            if (authorization.isEmpty()) {
                if (auth == Auth.OPTIONAL) return new org.auroralocus.server.xrpc.Caller.Anonymous();
                throw org.auroralocus.server.xrpc.XrpcException.authMissing();
            }
            throw org.auroralocus.server.xrpc.XrpcException.invalidToken("Token could not be verified");
        }
    }
}
