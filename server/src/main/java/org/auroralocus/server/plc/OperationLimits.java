package org.auroralocus.server.plc;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.auroralocus.atproto.crypto.KeyFormatException;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.identity.plc.InvalidPlcOperationException;
import org.auroralocus.atproto.identity.plc.PlcLegacyCreate;
import org.auroralocus.atproto.identity.plc.PlcOperation;
import org.auroralocus.atproto.identity.plc.PlcService;
import org.auroralocus.atproto.identity.plc.PlcTombstone;
import org.auroralocus.atproto.identity.plc.SignedPlcOp;
import org.auroralocus.atproto.multibase.Base58Btc;
import org.auroralocus.atproto.multibase.MultibaseException;

/**
 * What the directory admits beyond a valid signature and chain: the limits of the reference
 * directory (packages/server/src/constraints.ts), with the spec's stricter rotation-key rule (one to
 * five distinct K-256 or P-256 keys), so that an operation accepted here is one plc.directory would
 * accept too. The spec's size limit is 7500 bytes but the reference directory enforces 4000; the
 * smaller one is used.
 */
final class OperationLimits {
    static final int MAX_OP_BYTES = 4000;
    static final int MAX_ROTATION_KEYS = 5;
    static final int MAX_ALSO_KNOWN_AS = 10;
    /** A handle's 253 characters plus {@code at://}. */
    static final int MAX_ALSO_KNOWN_AS_LENGTH = 258;
    static final int MAX_SERVICES = 10;
    static final int MAX_VERIFICATION_METHODS = 10;
    static final int MAX_ID_LENGTH = 32;
    static final int MAX_SERVICE_TYPE_LENGTH = 256;
    static final int MAX_SERVICE_ENDPOINT_LENGTH = 512;
    static final int MAX_DID_KEY_LENGTH = 256;

    private OperationLimits() {}

    /** Throws {@link InvalidPlcOperationException} saying which limit {@code op} breaks. */
    static void check(SignedPlcOp op) {
        if (op.dagCbor().length > MAX_OP_BYTES) {
            throw invalid("Operation too large (" + MAX_OP_BYTES + " bytes maximum in cbor encoding)");
        }
        switch (op.op()) {
            case PlcOperation regular -> checkOperation(regular);
            case PlcTombstone tombstone -> { }
            case PlcLegacyCreate legacy -> throw invalid("Not a valid operation: the legacy create format is no longer accepted");
        }
    }

    private static void checkOperation(PlcOperation op) {
        checkRotationKeys(op.rotationKeys());
        checkAlsoKnownAs(op.alsoKnownAs());
        checkServices(op.services());
        checkVerificationMethods(op.verificationMethods());
    }

    private static void checkRotationKeys(List<String> keys) {
        if (keys.isEmpty()) throw invalid("Improperly formatted operation, need at least one rotation key");
        if (keys.size() > MAX_ROTATION_KEYS) {
            throw invalid("Improperly formatted operation, too many rotation keys (max " + MAX_ROTATION_KEYS + ")");
        }
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            if (!seen.add(key)) throw invalid("Duplicate rotationKey: " + key);
            try {
                PublicKey.parseDidKey(key);
            } catch (KeyFormatException e) {
                throw invalid("Invalid rotationKey: " + key);
            }
        }
    }

    private static void checkAlsoKnownAs(List<String> aliases) {
        if (aliases.size() > MAX_ALSO_KNOWN_AS) throw invalid("Too many alsoKnownAs entries (max " + MAX_ALSO_KNOWN_AS + ")");
        Set<String> seen = new HashSet<>();
        for (String alias : aliases) {
            if (alias.length() > MAX_ALSO_KNOWN_AS_LENGTH) {
                throw invalid("alsoKnownAs entry too long (max " + MAX_ALSO_KNOWN_AS_LENGTH + "): " + alias);
            }
            if (!seen.add(alias)) throw invalid("duplicate alsoKnownAs entry: " + alias);
        }
    }

    private static void checkServices(Map<String, PlcService> services) {
        if (services.size() > MAX_SERVICES) throw invalid("Too many service entries (max " + MAX_SERVICES + ")");
        services.forEach((id, service) -> {
            if (id.length() > MAX_ID_LENGTH) throw invalid("Service id too long (max " + MAX_ID_LENGTH + "): " + id);
            if (service.type().length() > MAX_SERVICE_TYPE_LENGTH) {
                throw invalid("Service type too long (max " + MAX_SERVICE_TYPE_LENGTH + ")");
            }
            if (service.endpoint().length() > MAX_SERVICE_ENDPOINT_LENGTH) {
                throw invalid("Service endpoint too long (max " + MAX_SERVICE_ENDPOINT_LENGTH + ")");
            }
        });
    }

    private static void checkVerificationMethods(Map<String, String> methods) {
        if (methods.size() > MAX_VERIFICATION_METHODS) {
            throw invalid("Too many Verification Method entries (max " + MAX_VERIFICATION_METHODS + ")");
        }
        methods.forEach((id, key) -> {
            if (id.length() > MAX_ID_LENGTH) throw invalid("Verification Method id too long (max " + MAX_ID_LENGTH + "): " + id);
            if (key.length() > MAX_DID_KEY_LENGTH) {
                throw invalid("Verification Method key too long (max " + MAX_DID_KEY_LENGTH + "): " + key);
            }
            // any key type is allowed here (ed25519 and others), as long as it is a did:key in base58btc
            if (!isDidKeySyntax(key)) throw invalid("Invalid verificationMethod key: " + key);
        });
    }

    private static boolean isDidKeySyntax(String key) {
        String prefix = "did:key:z";
        if (!key.startsWith(prefix) || key.length() == prefix.length()) return false;
        try {
            Base58Btc.decode(key.substring(prefix.length()));
            return true;
        } catch (MultibaseException e) {
            return false;
        }
    }

    private static InvalidPlcOperationException invalid(String message) {
        return new InvalidPlcOperationException(message);
    }
}
