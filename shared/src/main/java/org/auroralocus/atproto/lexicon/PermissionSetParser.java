package org.auroralocus.atproto.lexicon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.auroralocus.atproto.cbor.DataValue;

/** Reads a permission set definition (https://atproto.com/specs/permission). */
final class PermissionSetParser {
    private PermissionSetParser() {}

    static LexPermissionSet permissionSet(LexJsonNode n) {
        List<LexPermissionSet.Permission> permissions = new ArrayList<>();
        for (JsonNode item : n.optionalArray("permissions").orElseThrow(() -> n.fail("\"permissions\" is required"))) {
            permissions.add(permission(LexJsonNode.object(item, n.where() + ".permissions")));
        }
        return new LexPermissionSet(n.optionalString("title"), languageMap(n, "title:lang"),
                n.optionalString("detail"), languageMap(n, "detail:lang"), permissions);
    }

    private static LexPermissionSet.Permission permission(LexJsonNode n) {
        if (!n.type().equals("permission")) throw n.fail("must be of type permission");
        String resource = n.requiredString("resource");
        if (resource.isEmpty()) throw n.fail("\"resource\" must not be empty");
        Map<String, DataValue> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.entries().entrySet()) {
            if (e.getKey().equals("type") || e.getKey().equals("resource")) continue;
            parameters.put(e.getKey(), parameterValue(n, e.getKey(), e.getValue()));
        }
        return new LexPermissionSet.Permission(resource, parameters);
    }

    /** A permission parameter: a string, integer or boolean, or a list of them. */
    private static DataValue parameterValue(LexJsonNode n, String key, JsonNode v) {
        if (v.isArray()) {
            List<DataValue> items = new ArrayList<>();
            for (JsonNode item : v) {
                if (item.isArray()) throw n.fail("\"" + key + "\" may not nest lists");
                items.add(parameterValue(n, key, item));
            }
            return DataValue.list(items);
        }
        if (v.isTextual()) return DataValue.of(v.textValue());
        if (v.isBoolean()) return DataValue.of(v.booleanValue());
        if (v.isIntegralNumber() && v.canConvertToLong()) return DataValue.of(v.longValue());
        throw n.fail("\"" + key + "\" must be a string, integer or boolean, or a list of them");
    }

    private static Map<String, String> languageMap(LexJsonNode n, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        n.optionalObject(key).ifPresent(m -> m.entries().forEach((lang, text) -> {
            if (!StringFormat.LANGUAGE.matches(lang)) throw m.fail("not a language tag: " + lang);
            if (!text.isTextual()) throw m.fail("\"" + lang + "\" must be a string");
            out.put(lang, text.textValue());
        }));
        return out;
    }
}
