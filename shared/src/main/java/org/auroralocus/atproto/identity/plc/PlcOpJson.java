package org.auroralocus.atproto.identity.plc;

import static org.auroralocus.atproto.identity.plc.PlcJson.NODES;
import static org.auroralocus.atproto.identity.plc.PlcJson.exactFields;
import static org.auroralocus.atproto.identity.plc.PlcJson.invalid;
import static org.auroralocus.atproto.identity.plc.PlcJson.text;
import static org.auroralocus.atproto.identity.plc.PlcJson.texts;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCborException;

/** PLC operations to and from JSON, with the official schemas' strictness (see {@link PlcJson}). */
final class PlcOpJson {
    /** Rejects duplicate keys: JSON with two {@code sig}s must not mean whichever came last. */
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static final Set<String> OPERATION_FIELDS =
            Set.of("type", "rotationKeys", "verificationMethods", "alsoKnownAs", "services", "prev", "sig");
    private static final Set<String> TOMBSTONE_FIELDS = Set.of("type", "prev", "sig");
    private static final Set<String> LEGACY_FIELDS =
            Set.of("type", "signingKey", "recoveryKey", "handle", "service", "prev", "sig");
    private static final Set<String> SERVICE_FIELDS = Set.of("type", "endpoint");

    private PlcOpJson() {}

    static SignedPlcOp parse(String json) {
        try {
            return read(MAPPER.readTree(json));
        } catch (JacksonException e) {
            throw invalid("operation is not JSON: " + e.getOriginalMessage());
        }
    }

    static SignedPlcOp read(JsonNode json) {
        ObjectNode object = PlcJson.object(json, "operation");
        String type = text(object.get("type"), "type");
        PlcOp op = switch (type) {
            case PlcOperation.TYPE -> readOperation(object);
            case PlcTombstone.TYPE -> readTombstone(object);
            case PlcLegacyCreate.TYPE -> readLegacy(object);
            default -> throw invalid("unknown operation type " + type);
        };
        return new SignedPlcOp(op, text(object.get("sig"), "sig"));
    }

    static ObjectNode write(SignedPlcOp signed) {
        ObjectNode json = NODES.objectNode();
        json.put("type", signed.op().type());
        switch (signed.op()) {
            case PlcOperation op -> {
                json.set("verificationMethods", PlcJson.object(op.verificationMethods(), NODES::textNode));
                json.set("rotationKeys", PlcJson.array(op.rotationKeys()));
                json.set("alsoKnownAs", PlcJson.array(op.alsoKnownAs()));
                json.set("services", services(op));
            }
            case PlcLegacyCreate legacy -> {
                json.put("signingKey", legacy.signingKey());
                json.put("recoveryKey", legacy.recoveryKey());
                json.put("handle", legacy.handle());
                json.put("service", legacy.service());
            }
            case PlcTombstone tombstone -> {
                // only type, prev and sig
            }
        }
        Optional<Cid> prev = signed.op().prev();
        if (prev.isPresent()) json.put("prev", prev.get().toString()); else json.putNull("prev");
        json.put("sig", signed.sig());
        return json;
    }

    static ObjectNode services(PlcOperation op) {
        return PlcJson.object(op.services(), s -> NODES.objectNode().put("type", s.type()).put("endpoint", s.endpoint()));
    }

    private static PlcOperation readOperation(ObjectNode object) {
        exactFields(object, OPERATION_FIELDS, "plc_operation");
        return new PlcOperation(
                texts(object.get("rotationKeys"), "rotationKeys"),
                PlcJson.map(object.get("verificationMethods"), "verificationMethods", PlcJson::text),
                texts(object.get("alsoKnownAs"), "alsoKnownAs"),
                PlcJson.map(object.get("services"), "services", PlcOpJson::readService),
                object.get("prev").isNull() ? Optional.empty() : Optional.of(cid(object.get("prev"))));
    }

    private static PlcTombstone readTombstone(ObjectNode object) {
        exactFields(object, TOMBSTONE_FIELDS, "plc_tombstone");
        return new PlcTombstone(cid(object.get("prev")));
    }

    private static PlcLegacyCreate readLegacy(ObjectNode object) {
        exactFields(object, LEGACY_FIELDS, "create");
        if (!object.get("prev").isNull()) throw invalid("a create operation must have a null prev");
        return new PlcLegacyCreate(
                text(object.get("signingKey"), "signingKey"),
                text(object.get("recoveryKey"), "recoveryKey"),
                text(object.get("handle"), "handle"),
                text(object.get("service"), "service"));
    }

    private static PlcService readService(JsonNode node, String what) {
        ObjectNode object = PlcJson.object(node, what);
        exactFields(object, SERVICE_FIELDS, what);
        return new PlcService(text(object.get("type"), what + ".type"), text(object.get("endpoint"), what + ".endpoint"));
    }

    private static Cid cid(JsonNode node) {
        String text = text(node, "prev");
        try {
            return Cid.parse(text);
        } catch (DagCborException e) {
            throw invalid("prev is not a CID: " + text);
        }
    }
}
