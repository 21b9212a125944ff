package org.auroralocus.atproto.lexicon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SequencedMap;
import org.auroralocus.atproto.syntax.Nsid;

/**
 * Reads lexicon documents (https://atproto.com/specs/lexicon) from JSON and rejects those that
 * break the language's rules: {@code lexicon} must be the integer 1, {@code id} an NSID, primary
 * types only under {@code main}, no {@code unknown}, {@code ref} or {@code union} as a definition of
 * its own, records with a key rule and an object schema, required properties that exist.
 */
public final class LexiconParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LexiconParser() {}

    /** Parses a lexicon document from JSON text. */
    public static LexiconDoc parse(String json) {
        try {
            return parse(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new InvalidLexiconException("not JSON: " + e.getOriginalMessage());
        }
    }

    /** Parses a lexicon document already read as a JSON tree. */
    public static LexiconDoc parse(JsonNode json) {
        LexJsonNode root = LexJsonNode.object(json, "lexicon document");
        JsonNode version = json.get("lexicon");
        if (version == null || !version.isIntegralNumber() || version.longValue() != 1) {
            throw root.fail("\"lexicon\" must be the integer 1");
        }
        String id = root.requiredString("id");
        if (!Nsid.isValid(id)) throw root.fail("\"id\" must be a valid NSID: " + id);
        OptionalLong revision = root.optionalLong("revision");
        root.optionalString("description");
        LexJsonNode defsNode = LexJsonNode.object(json.get("defs"), id + " defs");
        SequencedMap<String, LexDef> defs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : defsNode.entries().entrySet()) {
            LexJsonNode node = LexJsonNode.object(e.getValue(), id + "#" + e.getKey());
            defs.put(e.getKey(), def(node));
        }
        return new LexiconDoc(Nsid.parse(id), revision, defs);
    }

    private static LexDef def(LexJsonNode n) {
        String type = n.type();
        return switch (type) {
            case "record" -> record(n);
            case "query" -> new LexQuery(params(n), body(n, "output"), FieldParser.errors(n));
            case "procedure" -> new LexProcedure(params(n), body(n, "input"), body(n, "output"), FieldParser.errors(n));
            case "subscription" -> subscription(n);
            case "permission-set" -> PermissionSetParser.permissionSet(n);
            case "token" -> new LexToken();
            case "object" -> FieldParser.object(n);
            case "array" -> FieldParser.array(n);
            case "boolean" -> FieldParser.bool(n);
            case "integer" -> FieldParser.integer(n);
            case "string" -> FieldParser.string(n);
            case "bytes" -> FieldParser.bytes(n);
            case "cid-link" -> new LexCidLink();
            case "blob" -> FieldParser.blob(n);
            default -> throw n.fail("a definition may not be of type " + type);
        };
    }

    private static LexRecord record(LexJsonNode n) {
        KeyRule key = KeyRule.parse(n.requiredString("key"));
        return new LexRecord(key, FieldParser.object(n.requiredObject("record")));
    }

    private static LexSubscription subscription(LexJsonNode n) {
        LexJsonNode message = n.requiredObject("message");
        LexJsonNode schema = message.requiredObject("schema");
        if (!schema.type().equals("union")) throw schema.fail("a subscription's message schema must be a union");
        return new LexSubscription(params(n), FieldParser.union(schema), FieldParser.errors(n));
    }

    private static Optional<LexParams> params(LexJsonNode n) {
        return n.optionalObject("parameters").map(FieldParser::params);
    }

    private static Optional<LexBody> body(LexJsonNode n, String key) {
        return n.optionalObject(key).map(b -> {
            String encoding = b.requiredString("encoding");
            Optional<LexField> schema = b.optionalObject("schema").map(s -> switch (s.type()) {
                case "object" -> FieldParser.object(s);
                case "ref" -> FieldParser.ref(s);
                case "union" -> FieldParser.union(s);
                default -> throw s.fail("a body schema must be an object, ref or union");
            });
            return new LexBody(encoding, schema);
        });
    }
}
