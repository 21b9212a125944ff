package org.auroralocus.atproto.identity.plc;

import static org.auroralocus.atproto.identity.plc.PlcJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCborException;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.SyntaxException;

/**
 * One entry of a directory's {@code /{did}/log/audit}: an operation with its CID, whether a recovery
 * nullified it, and when the directory accepted it (kept to the millisecond, as the directory serves it).
 */
public record PlcAuditEntry(Did did, SignedPlcOp operation, Cid cid, boolean nullified, Instant createdAt) {
    private static final Set<String> FIELDS = Set.of("did", "operation", "cid", "nullified", "createdAt");
    /** {@code 2022-11-17T01:07:13.996Z}: JavaScript's toISOString, always three fraction digits. */
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public PlcAuditEntry {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(cid, "cid");
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A new entry for an operation accepted at {@code createdAt}; its CID is computed. */
    public static PlcAuditEntry accepted(Did did, SignedPlcOp operation, Instant createdAt) {
        return new PlcAuditEntry(did, operation, operation.cid(), false, createdAt);
    }

    /** Reads one entry strictly; throws {@link InvalidPlcOperationException}. */
    public static PlcAuditEntry fromJson(JsonNode json) {
        ObjectNode object = PlcJson.object(json, "audit entry");
        PlcJson.exactFields(object, FIELDS, "audit entry");
        String did = PlcJson.text(object.get("did"), "did");
        String cid = PlcJson.text(object.get("cid"), "cid");
        String createdAt = PlcJson.text(object.get("createdAt"), "createdAt");
        try {
            return new PlcAuditEntry(Did.parse(did), SignedPlcOp.fromJson(object.get("operation")), Cid.parse(cid),
                    PlcJson.bool(object.get("nullified"), "nullified"), Instant.parse(createdAt));
        } catch (SyntaxException | DagCborException | DateTimeParseException e) {
            throw PlcJson.invalid("malformed audit entry (did " + did + ", cid " + cid + ", createdAt " + createdAt + ")");
        }
    }

    public ObjectNode toJson() {
        ObjectNode json = NODES.objectNode();
        json.put("did", did.toString());
        json.set("operation", operation.toJson());
        json.put("cid", cid.toString());
        json.put("nullified", nullified);
        json.put("createdAt", CREATED_AT.format(createdAt));
        return json;
    }
}
