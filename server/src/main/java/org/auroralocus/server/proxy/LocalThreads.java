package org.auroralocus.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * getPostThread for a post of the requester's the AppView has not seen yet, as the official PDS: when
 * the AppView answers NotFound as of a revision older than the post, the thread is built here from the
 * local post and the requester's newer replies under it, with the parents asked of the AppView (a
 * failure there leaves them out).
 */
final class LocalThreads {
    static final Nsid GET_POST_THREAD = Nsid.parse("app.bsky.feed.getPostThread");
    private static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReadAfterWrite readAfterWrite;
    private final LocalViewer viewer;
    private final AccountService accounts;
    private final ProxyRouting routing;
    private final UpstreamClient upstream;
    private final ServiceTokens tokens;

    LocalThreads(ReadAfterWrite readAfterWrite, AccountService accounts, ProxyRouting routing, UpstreamClient upstream,
                 ServiceTokens tokens) {
        this.readAfterWrite = readAfterWrite;
        this.viewer = readAfterWrite.viewer();
        this.accounts = accounts;
        this.routing = routing;
        this.upstream = upstream;
        this.tokens = tokens;
    }

    /**
     * Answers a getPostThread the AppView refused with {@code error} from the requester's own records,
     * when the post is among those written after {@code rev}; false leaves the error to be sent.
     */
    boolean respond(Nsid nsid, Did requester, XrpcException error, Optional<String> rev, Optional<String> uriParam,
                    Optional<String> parentHeight, ServerResponse res) {
        if (!nsid.equals(GET_POST_THREAD) || !error.error().equals("NotFound") || rev.isEmpty()) return false;
        Optional<AtUri> uri = uriParam.filter(AtUri::isValid).map(AtUri::parse).map(this::withDid);
        if (uri.isEmpty() || !uri.get().authority().equals(requester)) return false;
        LocalRecords local = readAfterWrite.local(requester, rev.get());
        Optional<LocalRecords.Local> found = local.posts().stream().filter(p -> p.uri().equals(uri.get())).findFirst();
        if (found.isEmpty()) return false;
        Optional<ObjectNode> post = viewer.post(requester, found.get(), local.profile());
        if (post.isEmpty()) return false;
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ObjectNode thread = answer.putObject("thread");
        thread.put("$type", "app.bsky.feed.defs#threadViewPost");
        thread.set("post", post.get());
        LocalRecords rest = new LocalRecords(local.count(), local.profile(),
                local.posts().stream().filter(p -> !p.uri().equals(uri.get())).toList());
        Patches.postThread(viewer, answer, rest, requester);
        String parent = found.get().record().path("reply").path("parent").path("uri").asText("");
        if (!parent.isEmpty()) parents(requester, parent, parentHeight).ifPresent(p -> thread.set("parent", p));
        readAfterWrite.send(res, answer, local);
        return true;
    }

    /** A handle in the URI's authority becomes the DID of the account here that has it. */
    private AtUri withDid(AtUri uri) {
        if (!(uri.authority() instanceof Handle handle)) return uri;
        return accounts.findByHandle(handle).map(Account::did)
                .map(did -> new AtUri(did, uri.collection(), uri.rkey())).orElse(uri);
    }

    /** The thread above {@code parentUri} as the AppView has it, or empty on any failure. */
    private Optional<JsonNode> parents(Did requester, String parentUri, Optional<String> parentHeight) {
        Optional<ProxyTarget> appView = routing.appView();
        if (appView.isEmpty()) return Optional.empty();
        String path = "/xrpc/" + GET_POST_THREAD + "?uri=" + URLEncoder.encode(parentUri, StandardCharsets.UTF_8)
                + parentHeight.map(h -> "&parentHeight=" + URLEncoder.encode(h, StandardCharsets.UTF_8)).orElse("")
                + "&depth=0";
        try {
            String token = tokens.mint(requester, appView.get().did().value(), GET_POST_THREAD);
            HttpResponse<InputStream> answer = upstream.send(appView.get().resolve(path), "GET",
                    Map.of("accept", "application/json", "authorization", "Bearer " + token), HttpRequest.BodyPublishers.noBody());
            try (InputStream in = answer.body()) {
                if (answer.statusCode() != 200) return Optional.empty();
                JsonNode thread = JSON.readTree(in.readNBytes(MAX_ANSWER_BYTES)).path("thread");
                return thread.isObject() ? Optional.of(thread) : Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            // as the official: the thread is shown without its parents
            return Optional.empty();
        }
    }
}
