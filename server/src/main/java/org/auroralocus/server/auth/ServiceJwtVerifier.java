package org.auroralocus.server.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyFormatException;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.identity.DidDocument;
import org.auroralocus.atproto.identity.DidResolver;
import org.auroralocus.atproto.identity.IdentityException;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * Checks inbound service JWTs the way the official PDS does (xrpc-server's verifyJwt with the PDS's
 * key lookup), with its error names, all {@code 401}: {@code BadJwt}, {@code BadJwtType},
 * {@code JwtExpired}, {@code BadJwtAudience}, {@code BadJwtLexiconMethod}, {@code BadJwtIss},
 * {@code BadJwtSignature}, and {@code AuthenticationRequired} when the issuer has no usable key.
 *
 * <p>The issuer's key comes from its DID document (through the cache); when the signature does not
 * match, the document is fetched once more, uncached, in case the key was just rotated. Signatures
 * are checked leniently (high-S and DER accepted), as the official {@code allowMalleableSig} does for
 * these tokens only. There is no clock skew allowance and no replay cache, as in the official PDS.
 */
public final class ServiceJwtVerifier {
    private static final System.Logger LOG = System.getLogger(ServiceJwtVerifier.class.getName());
    // trailing garbage fails and a repeated key keeps its last value, as JSON.parse does
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Tokens of these types are sessions or proofs, never service tokens. */
    private static final Set<String> FORBIDDEN_TYPES = Set.of("at+jwt", "refresh+jwt", "dpop+jwt");
    /** A labeler signs as {@code did#atproto_labeler} with its {@code #atproto_label} key. */
    private static final String LABELER_SERVICE = "atproto_labeler";
    private static final String LABEL_KEY = "#atproto_label";

    private final DidResolver dids;
    private final Set<String> audiences;
    private final Clock clock;

    /**
     * @param audiences the {@code aud} values meant for this server: its service DID (and an
     *                  entryway's, where one fronts it)
     */
    public ServiceJwtVerifier(DidResolver dids, Set<String> audiences, Clock clock) {
        if (audiences.isEmpty()) throw new IllegalArgumentException("a service JWT verifier needs the server's DID");
        this.dids = dids;
        this.audiences = Set.copyOf(audiences);
        this.clock = clock;
    }

    /** The token's claims, if it is a valid service JWT for {@code method} on this server; throws the official 401s. */
    public VerifiedServiceJwt verify(String token, Nsid method) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) throw badJwt();
        JsonNode header = json(parts[0]);
        if (!header.path("alg").isTextual()) throw badJwt();
        if (header.get("typ") instanceof JsonNode typ && typ.isTextual() && FORBIDDEN_TYPES.contains(typ.textValue())) {
            throw new XrpcException(401, "BadJwtType", "Invalid jwt type \"" + typ.textValue() + "\"");
        }
        Claims claims = Claims.of(json(parts[1]));
        if (clock.millis() / 1000.0 > claims.exp()) throw new XrpcException(401, "JwtExpired", "jwt expired");
        if (!audiences.contains(claims.aud())) {
            throw new XrpcException(401, "BadJwtAudience", "jwt audience does not match service did");
        }
        if (claims.lxm().isEmpty()) {
            throw badMethod("missing jwt lexicon method (\"lxm\"). must match: " + method);
        }
        if (!claims.lxm().get().equals(method.value())) {
            throw badMethod("bad jwt lexicon method (\"lxm\"). must match: " + method);
        }
        Issuer iss = Issuer.parse(claims.iss()).orElseThrow(() ->
                new XrpcException(401, "BadJwtIss", "jwt iss is not a valid did"));
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8);
        checkSignature(iss, header.get("alg").textValue(), signingInput, parts[2]);
        return new VerifiedServiceJwt(iss.did(), iss.service(), claims.aud(), method);
    }

    private enum Check { VALID, INVALID, WRONG_ALGORITHM }

    private void checkSignature(Issuer iss, String alg, byte[] signingInput, String signature) {
        byte[] sig;
        try {
            sig = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw signatureMismatch();
        }
        PublicKey cached = signingKey(iss, false);
        Check check = check(cached, alg, signingInput, sig);
        if (check != Check.VALID) {
            // the key may have been rotated since the document was cached. The official verifier only
            // retries on a mismatch, not when the alg no longer fits the cached key; a rotation to
            // another curve is a rotation too, so this retries on both.
            PublicKey fresh = signingKey(iss, true);
            if (!fresh.equals(cached)) check = check(fresh, alg, signingInput, sig);
        }
        switch (check) {
            case VALID -> { }
            case INVALID -> throw signatureMismatch();
            case WRONG_ALGORITHM -> throw new XrpcException(401, "BadJwtSignature", "could not verify jwt signature");
        }
    }

    private static Check check(PublicKey key, String alg, byte[] signingInput, byte[] sig) {
        if (Curve.forJwtAlg(alg).filter(c -> c == key.curve()).isEmpty()) return Check.WRONG_ALGORITHM;
        return key.verifyLenient(signingInput, sig) ? Check.VALID : Check.INVALID;
    }

    /** The issuer's key from its DID document, as the official PDS picks it (401 AuthenticationRequired when there is none). */
    private PublicKey signingKey(Issuer iss, boolean fresh) {
        Optional<DidDocument> document;
        try {
            document = fresh ? dids.resolveFresh(iss.did()) : dids.resolve(iss.did());
        } catch (IdentityException e) {
            LOG.log(System.Logger.Level.DEBUG, "service JWT issuer did={0} did not resolve: {1}", iss.did(), e.getMessage());
            document = Optional.empty();
        }
        DidDocument doc = document.orElseThrow(() -> XrpcException.authenticationRequired("could not resolve iss did"));
        Optional<PublicKey> key = iss.service().equals(Optional.of(LABELER_SERVICE)) ? labelKey(doc) : doc.atprotoKey();
        return key.orElseThrow(() -> XrpcException.authenticationRequired("missing or bad key in did doc"));
    }

    /** The first readable {@code #atproto_label} key, found as {@link DidDocument#atprotoKey()} finds {@code #atproto}. */
    private static Optional<PublicKey> labelKey(DidDocument doc) {
        return doc.verificationMethods().stream()
                .filter(m -> m.id().equals(LABEL_KEY) || m.id().equals(doc.id().value() + LABEL_KEY))
                .flatMap(m -> {
                    try {
                        return Optional.of(m.publicKey()).stream();
                    } catch (KeyFormatException e) {
                        return Optional.<PublicKey>empty().stream();
                    }
                })
                .findFirst();
    }

    /** A part of the token as JSON; the official server lets a JSON error escape as a 500, this answers BadJwt. */
    private static JsonNode json(String part) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(part));
            if (node == null || !node.isObject()) throw badJwt();
            return node;
        } catch (IllegalArgumentException | IOException e) {
            throw badJwt();
        }
    }

    /** The payload claims the checks read, with the official shape rules. */
    private record Claims(String iss, String aud, double exp, Optional<String> lxm) {
        static Claims of(JsonNode payload) {
            JsonNode lxm = payload.get("lxm");
            if (!payload.path("iss").isTextual() || !payload.path("aud").isTextual() || !payload.path("exp").isNumber()
                    || (truthy(lxm) && !lxm.isTextual()) || (truthy(payload.get("nonce")) && !payload.get("nonce").isTextual())) {
                throw badJwt();
            }
            // a present lxm that is not a string (null, false, 0) is a wrong method, not a missing one
            Optional<String> method = lxm == null ? Optional.empty() : Optional.of(lxm.isTextual() ? lxm.textValue() : lxm.toString());
            return new Claims(payload.get("iss").textValue(), payload.get("aud").textValue(),
                    payload.get("exp").doubleValue(), method);
        }

        /** JavaScript truthiness, which the official shape checks use. */
        private static boolean truthy(JsonNode node) {
            if (node == null || node.isNull()) return false;
            if (node.isBoolean()) return node.booleanValue();
            if (node.isNumber()) return node.doubleValue() != 0;
            if (node.isTextual()) return !node.textValue().isEmpty();
            return true;
        }
    }

    /** {@code iss}: a DID, or a DID with one non-empty {@code #fragment} naming one of its services. */
    private record Issuer(Did did, Optional<String> service) {
        static Optional<Issuer> parse(String iss) {
            int hash = iss.indexOf('#');
            String did = hash < 0 ? iss : iss.substring(0, hash);
            Optional<String> service = hash < 0 ? Optional.empty() : Optional.of(iss.substring(hash + 1));
            if (service.isPresent() && (service.get().isEmpty() || service.get().indexOf('#') >= 0)) return Optional.empty();
            return Did.isValid(did) ? Optional.of(new Issuer(Did.parse(did), service)) : Optional.empty();
        }
    }

    private static XrpcException badJwt() {
        return new XrpcException(401, "BadJwt", "poorly formatted jwt");
    }

    private static XrpcException badMethod(String message) {
        return new XrpcException(401, "BadJwtLexiconMethod", message);
    }

    private static XrpcException signatureMismatch() {
        return new XrpcException(401, "BadJwtSignature", "jwt signature does not match jwt issuer");
    }
}
