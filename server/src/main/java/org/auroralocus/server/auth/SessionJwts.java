package org.auroralocus.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.config.Secret;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * Makes and checks the session JWTs, HS256 with {@code PDS_JWT_SECRET}, exactly as the official PDS
 * does: access tokens have header {@code typ: at+jwt} and claims {@code scope, aud, sub, iat, exp}
 * (2 hours); refresh tokens {@code typ: refresh+jwt}, {@code scope: com.atproto.refresh} and a
 * {@code jti} (90 days). The signer and verifier are made once: verifying is an HMAC and a parse.
 *
 * <p>A client sends the same access token with every request for up to two hours, so the tokens
 * whose signature already checked out are remembered with their header type and payload: a repeat
 * skips the parse, the HMAC and the JSON decode (about a tenth of a createRecord's CPU), and only
 * the checks that depend on the time or the caller's expectations run again. The key never
 * changes while this object lives, so a token that verified once always would.
 */
public final class SessionJwts {
    public static final Duration ACCESS_LIFETIME = Duration.ofHours(2);
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(90);
    static final JOSEObjectType ACCESS_TYPE = new JOSEObjectType("at+jwt");
    static final JOSEObjectType REFRESH_TYPE = new JOSEObjectType("refresh+jwt");
    static final String REFRESH_SCOPE = "com.atproto.refresh";

    /** The claims of a verified access token. */
    public record Access(Did did, Caller.Scope scope) {}

    /** The claims of a verified refresh token; {@code tokenId} is its {@code jti}. */
    public record Refresh(Did did, String tokenId) {}

    /** Enough for every session a PDS of a few accounts has open; when full it simply starts over. */
    static final int REMEMBERED_TOKENS = 1024;

    /** A token whose HS256 signature holds: its header type and its (unmodifiable) payload. */
    private record Signed(String type, Map<String, Object> payload) {}

    private final Map<String, Signed> signedTokens = new ConcurrentHashMap<>();
    private final MACSigner signer;
    private final MACVerifier verifier;
    private final String serviceDid;
    private final Clock clock;

    /**
     * @throws IllegalArgumentException when the secret is shorter than 32 bytes, the least HS256
     *                                  allows (nimbus enforces RFC 7518's rule; generated secrets have 32)
     */
    public SessionJwts(Secret jwtSecret, String serviceDid, Clock clock) {
        byte[] key = jwtSecret.value().getBytes(StandardCharsets.UTF_8);
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("PDS_JWT_SECRET must be at least 32 characters long for HS256", e);
        }
        this.serviceDid = serviceDid;
        this.clock = clock;
    }

    /** An access token for {@code did} issued at {@code issuedAt}, valid for {@link #ACCESS_LIFETIME}. */
    public String access(Did did, Caller.Scope scope, Instant issuedAt) {
        JWTClaimsSet claims = base(did, issuedAt, ACCESS_LIFETIME).claim("scope", scope.value()).build();
        return sign(ACCESS_TYPE, claims);
    }

    /** A refresh token for {@code did} with id {@code tokenId}, valid for {@link #REFRESH_LIFETIME}. */
    public String refresh(Did did, String tokenId, Instant issuedAt) {
        JWTClaimsSet claims = base(did, issuedAt, REFRESH_LIFETIME).claim("scope", REFRESH_SCOPE).jwtID(tokenId).build();
        return sign(REFRESH_TYPE, claims);
    }

    /**
     * Checks an access token, with the official order of checks and errors: signature, type,
     * audience and expiry ({@code ExpiredToken "Token has expired"}, everything else
     * {@code InvalidToken "Token could not be verified"}), then the claims' shapes
     * ({@code "Malformed token"}), then the scope against {@code allowed} ({@code "Bad token scope"}).
     */
    public Access verifyAccess(String token, Set<Caller.Scope> allowed) {
        Map<String, Object> payload = verified(token, ACCESS_TYPE, false);
        Did did = checkShape(payload);
        Optional<Caller.Scope> scope = stringClaim(payload, "scope").flatMap(Caller.Scope::of);
        if (scope.isEmpty() || !allowed.contains(scope.get())) throw XrpcException.invalidToken("Bad token scope");
        return new Access(did, scope.get());
    }

    /**
     * Checks a refresh token as {@link #verifyAccess} does, and that it carries its {@code jti}.
     * With {@code allowExpired} its expiry is not checked (deleteSession: logging out always works).
     */
    public Refresh verifyRefresh(String token, boolean allowExpired) {
        Map<String, Object> payload = verified(token, REFRESH_TYPE, allowExpired);
        Did did = checkShape(payload);
        if (!stringClaim(payload, "scope").equals(Optional.of(REFRESH_SCOPE))) {
            throw XrpcException.invalidToken("Bad token scope");
        }
        String jti = stringClaim(payload, "jti").orElseThrow(() ->
                new XrpcException(401, "MissingTokenId", "Unexpected missing refresh token id"));
        return new Refresh(did, jti);
    }

    private JWTClaimsSet.Builder base(Did did, Instant issuedAt, Duration lifetime) {
        Instant iat = Instant.ofEpochSecond(issuedAt.getEpochSecond());
        return new JWTClaimsSet.Builder()
                .audience(serviceDid)
                .subject(did.value())
                .issueTime(Date.from(iat))
                .expirationTime(Date.from(iat.plus(lifetime)));
    }

    private String sign(JOSEObjectType type, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(type).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing failed", e);
        }
        return jwt.serialize();
    }

    /** The payload of a token whose signature, type, audience and times hold. */
    private Map<String, Object> verified(String token, JOSEObjectType type, boolean allowExpired) {
        // keyed by the token's digest, not the token: the map's equals is not constant-time, and
        // timing it against a stored token must not tell an attacker how much of a guess matched
        String key = digest(token);
        Signed signed = signedTokens.get(key);
        if (signed == null) {
            signed = signed(token);
            if (signedTokens.size() >= REMEMBERED_TOKENS) signedTokens.clear();
            signedTokens.put(key, signed);
        }
        if (!type.getType().equalsIgnoreCase(signed.type())) throw unverified();
        Map<String, Object> payload = signed.payload();
        if (!hasAudience(payload.get("aud"))) throw unverified();
        long now = clock.instant().getEpochSecond();
        Object nbf = payload.get("nbf");
        if (nbf != null && (!(nbf instanceof Number n) || n.doubleValue() > now)) throw unverified();
        if (!(payload.get("exp") instanceof Number exp)) throw unverified();
        if (exp.doubleValue() <= now && !allowExpired) throw XrpcException.expiredToken("Token has expired");
        return payload;
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Parses the token and checks its algorithm and signature. */
    private Signed signed(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || !jwt.verify(verifier)) throw unverified();
            Map<String, Object> payload = jwt.getPayload().toJSONObject();
            if (header.getType() == null || payload == null) throw unverified();
            return new Signed(header.getType().getType(), Collections.unmodifiableMap(payload));
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw unverified();
        }
    }

    private boolean hasAudience(Object aud) {
        return aud instanceof String s ? s.equals(serviceDid) : aud instanceof List<?> l && l.contains(serviceDid);
    }

    /** The shape checks that follow verification; returns the subject. */
    private static Did checkShape(Map<String, Object> payload) {
        // service-auth (lxm) and proof-of-possession (cnf) tokens are never session tokens
        if (payload.get("lxm") != null || payload.get("cnf") != null) throw malformed();
        Object jti = payload.get("jti");
        if (!(payload.get("sub") instanceof String sub) || !Did.isValid(sub)) throw malformed();
        if (!(payload.get("aud") instanceof String aud) || !aud.startsWith("did:")) throw malformed();
        if (jti != null && !(jti instanceof String)) throw malformed();
        return Did.parse(sub);
    }

    private static Optional<String> stringClaim(Map<String, Object> payload, String name) {
        return payload.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private static XrpcException unverified() {
        return XrpcException.invalidToken("Token could not be verified");
    }

    private static XrpcException malformed() {
        return XrpcException.invalidToken("Malformed token");
    }
}
