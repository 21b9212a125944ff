package org.auroralocus.atproto.identity.plc;

import static org.auroralocus.atproto.identity.plc.PlcJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.atproto.crypto.KeyFormatException;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.SyntaxException;

/**
 * The current state of a did:plc, as a directory's {@code /{did}/data} serves it: the DID and the
 * fields of its latest operation. {@link #didDocument()} renders the DID document.
 */
public record PlcData(
        Did did,
        List<String> rotationKeys,
        Map<String, String> verificationMethods,
        List<String> alsoKnownAs,
        Map<String, PlcService> services) {
    private static final Set<String> FIELDS = Set.of("did", "rotationKeys", "verificationMethods", "alsoKnownAs", "services");
    private static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";
    private static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";
    private static final String DID_KEY_PREFIX = "did:key:";

    public PlcData {
        Objects.requireNonNull(did, "did");
        PlcOperation checked = new PlcOperation(rotationKeys, verificationMethods, alsoKnownAs, services, Optional.empty());
        rotationKeys = checked.rotationKeys();
        verificationMethods = checked.verificationMethods();
        alsoKnownAs = checked.alsoKnownAs();
        services = checked.services();
    }

    /** The state after {@code op}; empty when it is a tombstone. */
    public static Optional<PlcData> of(Did did, SignedPlcOp op) {
        return op.state().map(s -> new PlcData(did, s.rotationKeys(), s.verificationMethods(), s.alsoKnownAs(), s.services()));
    }

    /** Reads the {@code /{did}/data} JSON strictly; throws {@link InvalidPlcOperationException}. */
    public static PlcData fromJson(JsonNode json) {
        ObjectNode object = PlcJson.object(json, "PLC data");
        PlcJson.exactFields(object, FIELDS, "PLC data");
        // the fields are an operation's, so the operation reader checks them with the same strictness
        ObjectNode fields = object.deepCopy();
        fields.remove("did");
        SignedPlcOp asOperation = SignedPlcOp.fromJson(fields.put("type", PlcOperation.TYPE).put("sig", "").putNull("prev"));
        String did = PlcJson.text(object.get("did"), "did");
        try {
            return of(Did.parse(did), asOperation).orElseThrow();
        } catch (SyntaxException e) {
            throw PlcJson.invalid("did is not a DID: " + did);
        }
    }

    /** The {@code /{did}/data} JSON. */
    public ObjectNode toJson() {
        ObjectNode json = NODES.objectNode();
        json.put("did", did.toString());
        json.set("verificationMethods", PlcJson.object(verificationMethods, NODES::textNode));
        json.set("rotationKeys", PlcJson.array(rotationKeys));
        json.set("alsoKnownAs", PlcJson.array(alsoKnownAs));
        json.set("services", PlcOpJson.services(asOperation()));
        return json;
    }

    /**
     * The DID document in plc.directory's shape: each verification method as a {@code Multikey}
     * with id {@code <did>#<name>}, each service with id {@code #<name>}, and the security contexts
     * of the key types present.
     */
    public ObjectNode didDocument() {
        ArrayNode context = NODES.arrayNode().add(DID_CONTEXT).add(MULTIKEY_CONTEXT);
        ArrayNode methods = NODES.arrayNode();
        verificationMethods.forEach((name, key) -> {
            suiteContext(key).filter(c -> !contains(context, c)).ifPresent(context::add);
            methods.addObject()
                    .put("id", did + "#" + name)
                    .put("type", "Multikey")
                    .put("controller", did.toString())
                    .put("publicKeyMultibase", key.startsWith(DID_KEY_PREFIX) ? key.substring(DID_KEY_PREFIX.length()) : key);
        });
        ArrayNode serviceArray = NODES.arrayNode();
        services.forEach((name, service) -> serviceArray.addObject()
                .put("id", "#" + name)
                .put("type", service.type())
                .put("serviceEndpoint", service.endpoint()));
        ObjectNode document = NODES.objectNode();
        document.set("@context", context);
        document.put("id", did.toString());
        document.set("alsoKnownAs", PlcJson.array(alsoKnownAs));
        document.set("verificationMethod", methods);
        document.set("service", serviceArray);
        return document;
    }

    /** These fields as an operation (no prev), to derive the next one from. */
    public PlcOperation asOperation() {
        return new PlcOperation(rotationKeys, verificationMethods, alsoKnownAs, services, Optional.empty());
    }

    /** Keys of other types (ed25519 and the like) are allowed in verificationMethods but get no suite context. */
    private static Optional<String> suiteContext(String didKey) {
        try {
            return Optional.of(switch (PublicKey.parseDidKey(didKey).curve()) {
                case K256 -> "https://w3id.org/security/suites/secp256k1-2019/v1";
                case P256 -> "https://w3id.org/security/suites/ecdsa-2019/v1";
            });
        } catch (KeyFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean contains(ArrayNode array, String value) {
        for (JsonNode node : array) {
            if (node.textValue().equals(value)) return true;
        }
        return false;
    }
}
