package org.auroralocus.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;

/**
 * Makes inter-service JWTs as the official PDS does (xrpc-server's createServiceJwt): header
 * {@code {typ: "JWT", alg: "ES256K"}} ({@code ES256} for a P-256 key), claims {@code iat, iss, aud,
 * exp, lxm, jti}, signed with the account's {@code #atproto} key. Used when the PDS calls another
 * service for an account (proxying) and by com.atproto.server.getServiceAuth. Checking such tokens
 * is {@link ServiceJwtVerifier}'s job.
 */
public final class ServiceJwts {
    /** How long a token lives unless the caller says otherwise. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    private static final int JTI_BYTES = 16;

    private final Clock clock;
    private final SecureRandom random;

    public ServiceJwts(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** A token from {@code iss} for the service {@code aud}, bound to {@code lxm} if given, valid for {@link #DEFAULT_LIFETIME}. */
    public String create(KeyPair key, Did iss, String aud, Optional<Nsid> lxm) {
        return create(key, iss, aud, lxm, Optional.empty());
    }

    /**
     * As {@link #create(KeyPair, Did, String, Optional)}, expiring at {@code expiresAt} (whole seconds)
     * when given. The expiry is not checked here: getServiceAuth bounds what a client may ask for.
     *
     * @param aud the service's DID, or a {@code did#serviceId} reference, as the caller names it
     */
    public String create(KeyPair key, Did iss, String aud, Optional<Nsid> lxm, Optional<Instant> expiresAt) {
        if (aud.isEmpty()) throw new IllegalArgumentException("a service JWT needs an audience");
        long iat = clock.instant().getEpochSecond();
        long exp = expiresAt.map(Instant::getEpochSecond).orElse(iat + DEFAULT_LIFETIME.toSeconds());
        // the official claim order; no verifier depends on it, but it keeps tokens comparable by eye
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issueTime(Date.from(Instant.ofEpochSecond(iat)))
                .issuer(iss.value())
                .claim("aud", aud)
                .expirationTime(Date.from(Instant.ofEpochSecond(exp)));
        lxm.ifPresent(method -> claims.claim("lxm", method.value()));
        claims.jwtID(newJti());
        JWSHeader header = new JWSHeader.Builder(KeyPairJwsSigner.algorithmOf(key)).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new KeyPairJwsSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a service JWT failed", e);
        }
        return jwt.serialize();
    }

    /** 16 random bytes in hex, as the official {@code jti}; nobody checks it, but it makes every token unique. */
    private String newJti() {
        byte[] bytes = new byte[JTI_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
