package org.auroralocus.atproto.identity;

import java.util.Optional;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyFormatException;
import org.auroralocus.atproto.crypto.PublicKey;

/**
 * One entry of a DID document's {@code verificationMethod} array, as written: the id may be relative
 * ({@code #atproto}) or absolute ({@code did:plc:...#atproto}). Only {@code publicKeyMultibase} keys are
 * kept; a {@code publicKeyJwk} entry has an empty {@link #publicKeyMultibase()} and no atproto key.
 */
public record VerificationMethod(String id, String type, String controller, Optional<String> publicKeyMultibase) {
    /** The type of current atproto keys: multikey encoding, the curve named by its multicodec prefix. */
    public static final String MULTIKEY = "Multikey";

    public VerificationMethod {
        if (id == null || type == null || controller == null || publicKeyMultibase == null) {
            throw new NullPointerException("verification method fields must not be null (publicKeyMultibase may be empty)");
        }
    }

    /**
     * The key, from a {@code Multikey} entry or from the legacy {@code EcdsaSecp256k1VerificationKey2019} /
     * {@code EcdsaSecp256r1VerificationKey2019} forms (https://atproto.com/specs/did#legacy-representation).
     *
     * @throws KeyFormatException for another type, a missing publicKeyMultibase or a malformed key
     */
    public PublicKey publicKey() {
        String multibase = publicKeyMultibase.orElseThrow(() ->
                new KeyFormatException("verification method " + id + " has no publicKeyMultibase"));
        if (MULTIKEY.equals(type)) {
            return PublicKey.parseMultikey(multibase);
        }
        Curve curve = Curve.forLegacyVerificationMethodType(type).orElseThrow(() ->
                new KeyFormatException("verification method " + id + " has unsupported type " + type));
        return PublicKey.parseLegacyMultibase(curve, multibase);
    }
}
