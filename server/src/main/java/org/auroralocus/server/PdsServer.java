package org.auroralocus.server;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.websocket.WsRouting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.auth.SessionAuthenticator;
import org.auroralocus.server.config.PdsConfig;
import org.auroralocus.server.firehose.SubscribeRepos;
import org.auroralocus.server.plc.PlcDirectoryService;
import org.auroralocus.server.proxy.XrpcProxy;
import org.auroralocus.server.web.HomePages;
import org.auroralocus.server.web.WellKnown;
import org.auroralocus.server.xrpc.Cors;
import org.auroralocus.server.xrpc.DataJsonValues;
import org.auroralocus.server.xrpc.XrpcDispatcher;

/**
 * The running server: the services ({@link Services}, the composition root) served over HTTP.
 * {@code PdsServer.start(config)} is the one entry point, for {@code ./aurora serve}, the desktop
 * application and the black-box tests alike.
 */
public final class PdsServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PdsServer.class.getName());

    private final Services services;
    private final WebServer web;

    private PdsServer(Services services, WebServer web) {
        this.services = services;
        this.web = web;
    }

    public static PdsServer start(PdsConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** Starts with an injected clock (tests move time forward to expire tokens). */
    public static PdsServer start(PdsConfig requested, Clock clock) {
        PdsConfig config = requested.port() == 0 ? requested.withPort(freePort(requested.bindHost())) : requested;
        Services services = Services.create(config, clock);
        try {
            services.repairFirehose();
            SessionAuthenticator authenticator = new SessionAuthenticator(services.jwts(), config.secrets().adminPassword(),
                    services.serviceJwtVerifier());
            XrpcDispatcher dispatcher = new XrpcDispatcher(XrpcApi.routes(services), authenticator, new DataJsonValues(),
                    new XrpcProxy(services.proxying(), authenticator), services.rateLimiting(), clock);
            WebServer web = WebServer.builder()
                    .host(config.bindHost())
                    .port(config.port())
                    // Helidon refuses a query with a stray '%' (cursor=%%%) before routing, with an
                    // empty 400; the official PDS takes such a value as it is, and so does the XRPC
                    // layer (XrpcQueryString), so the check is left to it
                    .addProtocol(Http1Config.builder().validatePrologue(false).build())
                    // without it, a response written in two parts (headers, then a body of some size:
                    // a listRecords page) waits ~40 ms for the client's delayed ACK (Nagle)
                    .connectionOptions(socket -> socket.tcpNoDelay(true))
                    .routing(r -> {
                        r.addFilter(new Cors())
                                .register(new HomePages(AuroraVersion.current()))
                                .register(new WellKnown(services.identity(), config.serviceDid(), config.hostname(),
                                        config.publicUrl()))
                                .any("/xrpc/*", dispatcher);
                        services.embeddedPlc().ifPresent(plc -> r.register("/plc", new PlcDirectoryService(plc)));
                    })
                    .addRouting(WsRouting.builder().endpoint(SubscribeRepos.PATH, services.subscribeRepos()::listener))
                    .build()
                    .start();
            services.startBackgroundWork();
            LOG.log(System.Logger.Level.INFO, "Aurora Locus {0} serving {1} on {2}:{3,number,#}",
                    AuroraVersion.current(), config.publicUrl(), config.bindHost(), web.port());
            return new PdsServer(services, web);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
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
        return services.config();
    }

    public int port() {
        return web.port();
    }

    /** The accounts hosted here (for the admin GUI and tests). */
    public AccountService accounts() {
        return services.accounts();
    }

    /** Every service, for the desktop application and tests that look behind the API. */
    public Services services() {
        return services;
    }

    @Override public void close() {
        web.stop();
        services.close();
    }
}
