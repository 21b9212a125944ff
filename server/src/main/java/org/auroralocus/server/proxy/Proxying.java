package org.auroralocus.server.proxy;

import java.time.Clock;
import org.auroralocus.atproto.identity.DidResolver;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.auth.ServiceJwts;
import org.auroralocus.server.config.PdsConfig;

/**
 * The proxy's services, built once by the composition root; {@link XrpcProxy} adds the request
 * authentication the HTTP layer owns.
 */
public record Proxying(ProxyRouting routing, UpstreamClient upstream, ServiceJwts jwts, ActorStores actors,
                       ReadAfterWrite readAfterWrite, FeedGenerators feeds, PushRegistrations push, LocalThreads threads) {

    /** Wires the proxy for {@code config}; {@code upstream} is closed by the caller. */
    public static Proxying create(PdsConfig config, DidResolver dids, UpstreamClient upstream, ServiceJwts jwts,
                                  ActorStores actors, AccountService accounts, Clock clock) {
        ProxyRouting routing = new ProxyRouting(config.upstreams(), dids);
        LocalViewer viewer = new LocalViewer(accounts, new ImageUrls(config.publicUrl(),
                config.upstreams().appView().flatMap(PdsConfig.Upstream::cdnUrlPattern)));
        ReadAfterWrite readAfterWrite = new ReadAfterWrite(actors, viewer, clock);
        ServiceTokens tokens = new ServiceTokens(jwts, actors);
        return new Proxying(routing, upstream, jwts, actors, readAfterWrite, new FeedGenerators(routing, upstream),
                new PushRegistrations(routing, dids, upstream, tokens),
                new LocalThreads(readAfterWrite, accounts, routing, upstream, tokens));
    }
}
