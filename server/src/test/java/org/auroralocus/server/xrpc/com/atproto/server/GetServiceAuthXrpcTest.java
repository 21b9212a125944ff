package org.auroralocus.server.xrpc.com.atproto.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.kit.Kit;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.account.AppPasswordService;
import org.auroralocus.server.account.PasswordHasher;
import org.auroralocus.server.account.db.AccountDatabase;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.auth.ServiceJwtVerifier;
import org.auroralocus.server.auth.ServiceJwts;
import org.auroralocus.server.auth.SessionAuthenticator;
import org.auroralocus.server.auth.SessionJwts;
import org.auroralocus.server.auth.SessionService;
import org.auroralocus.server.auth.TestDidResolver;
import org.auroralocus.server.config.Secret;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.DatabaseThreads;
import org.auroralocus.server.xrpc.Auth;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.DataJsonValues;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.XrpcDispatcher;
import org.auroralocus.server.xrpc.XrpcQuery;
import org.auroralocus.server.xrpc.XrpcRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * getServiceAuth over real HTTP, with the official error names, and the token it issues accepted by
 * a service-auth route of the same server. {@code PdsServer} does not serve getServiceAuth yet (it
 * has no actor stores or DID resolver wired), so this test assembles a server of the production
 * parts the method needs: the account database, sessions, actor stores (the signing keys), the
 * authenticator with a service-JWT verifier, the dispatcher and Helidon. DID documents come from a
 * map holding each account's signing key.
 */
class GetServiceAuthXrpcTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SERVICE_DID = "did:web:localhost";
    private static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger NEXT = new AtomicInteger();

    @TempDir static Path dir;
    static TestClock clock;
    static DatabaseThreads threads;
    static Database accountDb;
    static ActorStores actors;
    static AccountService accounts;
    static AppPasswordService appPasswords;
    static TestDidResolver dids;
    static WebServer web;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A service-auth route: answers who the service JWT speaks for. */
    static final class WhoAmI implements XrpcQuery<NoInput, WhoAmI.Output> {
        static final Nsid NSID = Nsid.parse("com.example.test.whoAmI");

        record Output(String iss, String aud, String lxm) {}

        @Override public Output handle(NoInput params, Caller caller) {
            Caller.Service service = (Caller.Service) caller;
            return new Output(service.iss().value(), service.aud(), service.lxm().orElse(""));
        }
    }

    @BeforeAll
    static void start() {
        clock = TestClock.startingNow();
        threads = new DatabaseThreads(1, 2);
        accountDb = AccountDatabase.open(dir, threads);
        actors = new ActorStores(dir.resolve("actors"), threads);
        PasswordHasher hasher = new PasswordHasher(RANDOM);
        appPasswords = new AppPasswordService(accountDb, hasher, clock, RANDOM);
        accounts = new AccountService(accountDb, hasher, appPasswords, clock, false);
        SessionJwts sessionJwts = new SessionJwts(new Secret("0123456789abcdef0123456789abcdef"), SERVICE_DID, clock);
        SessionService sessions = new SessionService(accountDb, sessionJwts, clock, RANDOM);
        dids = new TestDidResolver();
        ServiceJwtVerifier verifier = new ServiceJwtVerifier(dids, Set.of(SERVICE_DID), clock);

        XrpcRoutes routes = new XrpcRoutes();
        routes.procedure(CreateSession.NSID, new CreateSession(accounts, sessions), Auth.NONE, CreateSession.BODY_LIMIT);
        // the route as PdsServer is to serve it
        routes.query(GetServiceAuth.NSID, new GetServiceAuth(actors, new ServiceJwts(clock, RANDOM), clock), Auth.ACCESS_OR_TAKENDOWN);
        routes.query(WhoAmI.NSID, new WhoAmI(), Auth.SERVICE);
        XrpcDispatcher dispatcher = new XrpcDispatcher(routes,
                new SessionAuthenticator(sessionJwts, new Secret("admin-secret"), verifier), new DataJsonValues(),
                (nsid, req, res) -> false);
        web = WebServer.builder().host("127.0.0.1").port(0).routing(r -> r.any("/xrpc/*", dispatcher)).build().start();
    }

    @AfterAll
    static void stop() {
        web.stop();
        actors.close();
        accountDb.close();
        threads.close();
    }

    // --- helpers ---

    private record Response(int status, JsonNode json) {
        String error() {
            return json.path("error").asText();
        }

        String message() {
            return json.path("message").asText();
        }
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static URI uri(String nsid, Map<String, String> params) {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create("http://127.0.0.1:" + web.port() + "/xrpc/" + nsid + (query.isEmpty() ? "" : "?" + query));
    }

    private static Response get(String nsid, Map<String, String> params, Optional<String> token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(nsid, params)).GET();
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return send(b.build());
    }

    private static Response serviceAuth(String accessJwt, Map<String, String> params) {
        return get(GetServiceAuth.NSID.value(), params, Optional.of(accessJwt));
    }

    /** Params in the order given (the map literal's order would be arbitrary). */
    private static Map<String, String> params(String... keysAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) out.put(keysAndValues[i], keysAndValues[i + 1]);
        return out;
    }

    private record Member(Did did, String handle, KeyPair key) {}

    /** An account with its actor store (signing key) and its DID document published. */
    private static Member newMember() {
        Did did = TestAccounts.randomPlcDid();
        String handle = "member" + NEXT.incrementAndGet() + ".test";
        accounts.create(did, Handle.parse(handle), Optional.of(handle + "@example.com"), Optional.of(PASSWORD), Optional.empty());
        KeyPair key = KeyPair.generate(Curve.K256, RANDOM);
        actors.create(did, key);
        dids.publish(did, key.publicKey());
        return new Member(did, handle, key);
    }

    private static String login(String identifier, String password, boolean allowTakendown) {
        String body = JSON.createObjectNode().put("identifier", identifier).put("password", password)
                .put("allowTakendown", allowTakendown).toString();
        Response r = send(HttpRequest.newBuilder(uri(CreateSession.NSID.value(), Map.of()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, r.status(), r.json().toString());
        return r.json().get("accessJwt").asText();
    }

    private static String login(Member m) {
        return login(m.handle(), PASSWORD, false);
    }

    private static String appPasswordLogin(Member m, boolean privileged) {
        String password = appPasswords.create(m.did(), "app " + NEXT.incrementAndGet(), privileged).password();
        return login(m.handle(), password, false);
    }

    private static JsonNode payload(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static void assertError(Response r, int status, String error, String message) {
        assertEquals(status, r.status(), r.json().toString());
        assertEquals(error, r.error());
        assertEquals(message, r.message());
    }

    // --- tokens ---

    @Test
    void issuesATokenThatAServiceAuthRouteAccepts() throws IOException {
        Member alice = newMember();
        Response r = serviceAuth(login(alice), params("aud", SERVICE_DID, "lxm", WhoAmI.NSID.value()));
        assertEquals(200, r.status(), r.json().toString());
        String token = r.json().get("token").asText();

        JsonNode claims = payload(token);
        assertEquals(alice.did().value(), claims.get("iss").asText());
        assertEquals(SERVICE_DID, claims.get("aud").asText());
        assertEquals(WhoAmI.NSID.value(), claims.get("lxm").asText());
        assertEquals(clock.instant().getEpochSecond() + 60, claims.get("exp").asLong());

        Response who = get(WhoAmI.NSID.value(), Map.of(), Optional.of(token));
        assertEquals(200, who.status(), who.json().toString());
        assertEquals(alice.did().value(), who.json().get("iss").asText());
        assertEquals(WhoAmI.NSID.value(), who.json().get("lxm").asText());
    }

    @Test
    void theTokenIsSignedWithTheAccountsRepositoryKey() {
        Member alice = newMember();
        String token = serviceAuth(login(alice), params("aud", "did:web:api.bsky.app#bsky_appview")).json().get("token").asText();
        String input = token.substring(0, token.lastIndexOf('.'));
        byte[] sig = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
        assertTrue(alice.key().publicKey().verify(input.getBytes(StandardCharsets.UTF_8), sig), "strict low-S check");
    }

    @Test
    void aTokenForAnotherMethodIsRefusedByTheServiceRoute() {
        Member alice = newMember();
        String token = serviceAuth(login(alice), params("aud", SERVICE_DID, "lxm", "com.example.test.other"))
                .json().get("token").asText();
        assertError(get(WhoAmI.NSID.value(), Map.of(), Optional.of(token)), 401, "BadJwtLexiconMethod",
                "bad jwt lexicon method (\"lxm\"). must match: " + WhoAmI.NSID);
    }

    @Test
    void aMethodlessTokenIsNotAcceptedWhereAMethodIsCalled() {
        Member alice = newMember();
        String token = serviceAuth(login(alice), params("aud", SERVICE_DID)).json().get("token").asText();
        assertError(get(WhoAmI.NSID.value(), Map.of(), Optional.of(token)), 401, "BadJwtLexiconMethod",
                "missing jwt lexicon method (\"lxm\"). must match: " + WhoAmI.NSID);
    }

    // --- refusals ---

    static Stream<String> protectedMethods() {
        return Stream.of("com.atproto.admin.sendEmail", "com.atproto.identity.requestPlcOperationSignature",
                "com.atproto.identity.signPlcOperation", "com.atproto.identity.updateHandle",
                "com.atproto.server.activateAccount", "com.atproto.server.confirmEmail",
                "com.atproto.server.createAppPassword", "com.atproto.server.deactivateAccount",
                "com.atproto.server.getAccountInviteCodes", "com.atproto.server.getSession",
                "com.atproto.server.listAppPasswords", "com.atproto.server.requestAccountDelete",
                "com.atproto.server.requestEmailConfirmation", "com.atproto.server.requestEmailUpdate",
                "com.atproto.server.revokeAppPassword", "com.atproto.server.updateEmail",
                "COM.ATPROTO.SERVER.getSession", "com.atproto.server.GETSESSION");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedMethods")
    void refusesATokenForAProtectedMethodInAnyCase(String lxm) {
        Member alice = newMember();
        assertError(serviceAuth(login(alice), params("aud", SERVICE_DID, "lxm", lxm)), 400, "InvalidRequest",
                "cannot request a service auth token for the following protected method: " + lxm);
    }

    @Test
    void privilegedMethodsNeedAFullSessionOrAPrivilegedAppPassword() {
        Member alice = newMember();
        Map<String, String> dm = params("aud", "did:web:api.bsky.chat", "lxm", "chat.bsky.convo.getLog");
        assertEquals(200, serviceAuth(login(alice), dm).status());
        assertEquals(200, serviceAuth(appPasswordLogin(alice, true), dm).status());
        String plainAppPassword = appPasswordLogin(alice, false);
        assertError(serviceAuth(plainAppPassword, dm), 400, "InvalidRequest",
                "insufficient access to request a service auth token for the following method: chat.bsky.convo.getLog");
        assertError(serviceAuth(plainAppPassword, params("aud", SERVICE_DID, "lxm", "com.atproto.server.CREATEACCOUNT")),
                400, "InvalidRequest",
                "insufficient access to request a service auth token for the following method: com.atproto.server.CREATEACCOUNT");
        assertEquals(200, serviceAuth(plainAppPassword, params("aud", SERVICE_DID, "lxm", "app.bsky.feed.getTimeline")).status());
    }

    @Test
    void aTakendownSessionGetsNoTokenAsInTheOfficialPds() {
        Member alice = newMember();
        accounts.updateTakedown(alice.did(), Optional.of("mod-1"));
        String takendown = login(alice.handle(), PASSWORD, true);
        assertError(serviceAuth(takendown, params("aud", SERVICE_DID, "lxm", "app.bsky.feed.getTimeline")),
                400, "InvalidToken", "Bad token scope");
        assertError(serviceAuth(takendown, params("aud", SERVICE_DID)), 400, "InvalidToken", "Bad token scope");
        // createAccount passes the takedown check, then fails the privilege check (the official order)
        assertError(serviceAuth(takendown, params("aud", SERVICE_DID, "lxm", "com.atproto.server.createAccount")),
                400, "InvalidRequest",
                "insufficient access to request a service auth token for the following method: com.atproto.server.createAccount");
    }

    @Test
    void theExpiryMustBeAheadByAtMostAnHourOrAMinuteWithoutAMethod() throws IOException {
        String session = login(newMember());
        long now = clock.instant().getEpochSecond();
        Map<String, String> inHalfAnHour = params("aud", SERVICE_DID, "lxm", "app.bsky.video.uploadVideo", "exp", Long.toString(now + 1800));
        Response ok = serviceAuth(session, inHalfAnHour);
        assertEquals(200, ok.status(), ok.json().toString());
        assertEquals(now + 1800, payload(ok.json().get("token").asText()).get("exp").asLong());
        assertEquals(200, serviceAuth(session, params("aud", SERVICE_DID, "exp", Long.toString(now + 30))).status());

        assertError(serviceAuth(session, params("aud", SERVICE_DID, "lxm", "app.bsky.feed.getTimeline", "exp", Long.toString(now - 1))),
                400, "BadExpiration", "expiration is in past");
        assertError(serviceAuth(session, params("aud", SERVICE_DID, "lxm", "app.bsky.feed.getTimeline", "exp", "0")),
                400, "BadExpiration", "expiration is in past");
        assertError(serviceAuth(session, params("aud", SERVICE_DID, "lxm", "app.bsky.feed.getTimeline", "exp", Long.toString(now + 3601))),
                400, "BadExpiration", "cannot request a token with an expiration more than an hour in the future");
        assertError(serviceAuth(session, params("aud", SERVICE_DID, "lxm", "app.bsky.feed.getTimeline", "exp", Long.toString(Long.MAX_VALUE))),
                400, "BadExpiration", "cannot request a token with an expiration more than an hour in the future");
        assertError(serviceAuth(session, params("aud", SERVICE_DID, "exp", Long.toString(now + 61))),
                400, "BadExpiration", "cannot request a method-less token with an expiration more than a minute in the future");
    }

    @Test
    void theAudienceMustBeAnAtprotoDidOrServiceReference() {
        String session = login(newMember());
        for (String good : List.of("did:web:api.bsky.app", "did:web:api.bsky.app#bsky_appview", "did:plc:ewvi7nxzyoun6zhxrhs64oiz",
                "did:web:localhost%3A2583", "did:plc:ewvi7nxzyoun6zhxrhs64oiz#atproto_labeler")) {
            Response r = serviceAuth(session, params("aud", good));
            assertEquals(200, r.status(), good + ": " + r.json());
        }
        for (String bad : List.of("api.bsky.app", "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",
                "did:web:example.com:path", "did:web:example.com%3A8080", "did:plc:short", "did:plc:ewvi7nxzyoun6zhxrhs64oiz#",
                "did:web:api.bsky.app#a#b", "did:web:api.bsky.app#a b")) {
            assertError(serviceAuth(session, params("aud", bad)), 400, "InvalidRequest",
                    "aud must be a valid atproto DID or did#serviceId reference");
        }
    }

    @Test
    void paramsAreCheckedAgainstTheLexicon() {
        String session = login(newMember());
        Response missing = serviceAuth(session, params("lxm", "app.bsky.feed.getTimeline"));
        assertError(missing, 400, "InvalidRequest", "Invalid com.atproto.server.getServiceAuth params: Missing required key \"aud\"");
        assertEquals("InvalidRequest", serviceAuth(session, params("aud", SERVICE_DID, "lxm", "not an nsid")).error());
        assertEquals("InvalidRequest", serviceAuth(session, params("aud", SERVICE_DID, "exp", "soon")).error());
        assertError(serviceAuth(session, params("aud", "did:web:" + "a".repeat(2048))), 400, "InvalidRequest",
                "Invalid com.atproto.server.getServiceAuth params: aud must not be longer than 2048 characters");
    }

    @Test
    void needsASession() {
        assertError(get(GetServiceAuth.NSID.value(), params("aud", SERVICE_DID), Optional.empty()),
                401, "AuthMissing", "Authentication Required");
    }

    @Test
    void theRecordsMatchTheLexicon() throws IOException {
        JsonNode lexicon = JSON.readTree(Files.readString(Kit.lexicons().resolve("com/atproto/server/getServiceAuth.json")));
        JsonNode main = lexicon.path("defs").path("main");
        assertEquals(names(main.path("parameters").path("properties")), components(GetServiceAuth.Params.class));
        assertEquals(Set.of("aud"), required(main.path("parameters")));
        assertEquals(Optional.class, GetServiceAuth.Params.class.getRecordComponents()[1].getType());
        assertEquals(Optional.class, GetServiceAuth.Params.class.getRecordComponents()[2].getType());
        assertEquals(names(main.path("output").path("schema").path("properties")), components(GetServiceAuth.Output.class));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> out = new HashSet<>();
        schema.path("required").forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Set<String> components(Class<? extends Record> type) {
        Set<String> out = new HashSet<>();
        for (var c : type.getRecordComponents()) out.add(c.getName());
        return out;
    }
}
