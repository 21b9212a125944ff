package org.auroralocus.server.xrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.atproto.kit.Kit;

/**
 * Checks an endpoint's input, params or output record against the official lexicon: every component
 * is a property of the schema, and a property the schema requires is never an {@code Optional} (nor,
 * in an output, left out). Booleans in inputs may be plain {@code boolean}: absent means false.
 * Outputs may always send an optional list, map or boolean (the official PDS does: active, privileged).
 * A parameter with the lexicon's default may be a plain value carrying that {@link DefaultValue}.
 */
public final class LexiconRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LexiconRecords() {}

    /**
     * @param where {@code input}, {@code output}, {@code parameters}, or {@code <anything> #def} for a
     *              definition of the same lexicon
     */
    public static void assertMatches(String nsid, String where, Class<? extends Record> type) throws IOException {
        String place = nsid + " " + where;
        boolean input = where.equals("input") || where.equals("parameters");
        JsonNode schema = schema(read(nsid), where);
        JsonNode properties = schema.path("properties");
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));

        Set<String> components = new HashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            // a member of a union carries its type name, which no schema lists among its properties
            if (c.getName().equals("$type")) continue;
            components.add(c.getName());
            assertTrue(properties.has(c.getName()), place + ": " + c.getName() + " is not in the lexicon");
            if (required.contains(c.getName())) {
                assertTrue(c.getType() != Optional.class, place + ": required " + c.getName() + " is Optional");
            } else {
                boolean optional = c.getType() == Optional.class || (input && c.getType() == boolean.class)
                        || hasLexiconDefault(c, properties.path(c.getName()), place);
                assertTrue(optional || !input && alwaysSendable(c),
                        place + ": " + c.getName() + " is optional in the lexicon but always present");
            }
        }
        assertTrue(components.containsAll(required), place + ": missing required " + required);
    }

    /**
     * A parameter with the lexicon's {@code default} ({@link DefaultValue}) is never absent, so it may be
     * a plain value; its default and its {@link IntRange} must then be the lexicon's.
     */
    private static boolean hasLexiconDefault(RecordComponent c, JsonNode property, String place) {
        DefaultValue dv = c.getAnnotation(DefaultValue.class);
        if (dv == null || !property.has("default")) return false;
        assertEquals(property.get("default").asText(), dv.value(), place + ": default of " + c.getName());
        IntRange range = c.getAnnotation(IntRange.class);
        if (range != null) {
            assertEquals(property.path("minimum").asLong(Long.MIN_VALUE), range.min(), place + ": minimum of " + c.getName());
            assertEquals(property.path("maximum").asLong(Long.MAX_VALUE), range.max(), place + ": maximum of " + c.getName());
        }
        return true;
    }

    private static boolean alwaysSendable(RecordComponent c) {
        return c.getType() == boolean.class || c.getType() == List.class || c.getType() == Map.class;
    }

    private static JsonNode schema(JsonNode lexicon, String where) throws IOException {
        if (where.contains("#")) return lexicon.path("defs").path(where.substring(where.indexOf('#') + 1));
        JsonNode body = lexicon.path("defs").path("main").path(where);
        if (body.isMissingNode()) return JSON.createObjectNode();
        JsonNode schema = where.equals("parameters") ? body : body.path("schema");
        if (schema.path("type").asText().equals("ref")) {
            String ref = schema.path("ref").asText();
            int hash = ref.indexOf('#');
            JsonNode holder = hash == 0 ? lexicon : read(ref.substring(0, hash));
            return holder.path("defs").path(ref.substring(hash + 1));
        }
        return schema;
    }

    private static JsonNode read(String nsid) throws IOException {
        Path file = Kit.lexicons().resolve(nsid.replace('.', '/') + ".json");
        assertEquals(true, Files.isRegularFile(file), "no lexicon " + file);
        return JSON.readTree(Files.readString(file));
    }
}
