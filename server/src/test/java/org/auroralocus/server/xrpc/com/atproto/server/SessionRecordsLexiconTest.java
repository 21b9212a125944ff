package org.auroralocus.server.xrpc.com.atproto.server;

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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.auroralocus.atproto.kit.Kit;
import org.auroralocus.server.xrpc.NoInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The session and account endpoints' input and output records against the official lexicons: every component
 * is a property of the schema, and a property the schema requires is never an {@code Optional}
 * (nor, in an output, left out). Booleans in inputs may be plain {@code boolean}: absent means false.
 */
class SessionRecordsLexiconTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("com.atproto.server.createSession", "input", CreateSession.Input.class),
                Arguments.of("com.atproto.server.createSession", "output", CreateSession.Output.class),
                Arguments.of("com.atproto.server.refreshSession", "output", CreateSession.Output.class),
                Arguments.of("com.atproto.server.getSession", "output", GetSession.Output.class),
                Arguments.of("com.atproto.server.createAppPassword", "input", CreateAppPassword.Input.class),
                Arguments.of("com.atproto.server.createAppPassword", "output", CreateAppPassword.Output.class),
                Arguments.of("com.atproto.server.listAppPasswords", "output", ListAppPasswords.Output.class),
                Arguments.of("com.atproto.server.listAppPasswords", "output #appPassword", ListAppPasswords.AppPassword.class),
                Arguments.of("com.atproto.server.revokeAppPassword", "input", RevokeAppPassword.Input.class),
                Arguments.of("com.atproto.server.deleteSession", "input", NoInput.class),
                Arguments.of("com.atproto.server.getSession", "input", NoInput.class),
                Arguments.of("com.atproto.server.checkAccountStatus", "output", CheckAccountStatus.Output.class),
                Arguments.of("com.atproto.server.activateAccount", "input", NoInput.class),
                Arguments.of("com.atproto.server.deactivateAccount", "input", DeactivateAccount.Input.class),
                Arguments.of("com.atproto.server.requestAccountDelete", "input", NoInput.class),
                Arguments.of("com.atproto.server.deleteAccount", "input", DeleteAccount.Input.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("records")
    void theRecordMatchesTheLexicon(String nsid, String where, Class<? extends Record> type) throws IOException {
        String place = nsid + " " + where;
        boolean input = where.equals("input");
        JsonNode lexicon = JSON.readTree(Files.readString(lexiconFile(nsid)));
        JsonNode schema = schema(lexicon, where);
        JsonNode properties = schema.path("properties");
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));

        Set<String> components = new HashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            components.add(c.getName());
            assertTrue(properties.has(c.getName()), place + ": " + c.getName() + " is not in the lexicon");
            if (required.contains(c.getName())) {
                assertTrue(c.getType() != Optional.class, place + ": required " + c.getName() + " is Optional");
            } else {
                boolean optional = c.getType() == Optional.class || (input && c.getType() == boolean.class);
                assertTrue(optional || !input && isListOrPrimitive(c),
                        place + ": " + c.getName() + " is optional in the lexicon but always present");
            }
        }
        assertTrue(components.containsAll(required), place + ": missing required " + required);
    }

    /** Outputs may always send an optional boolean (the official PDS does: active, privileged). */
    private static boolean isListOrPrimitive(RecordComponent c) {
        return c.getType() == boolean.class || c.getType() == List.class;
    }

    private static JsonNode schema(JsonNode lexicon, String where) {
        if (where.contains("#")) return lexicon.path("defs").path(where.substring(where.indexOf('#') + 1));
        JsonNode body = lexicon.path("defs").path("main").path(where);
        if (body.isMissingNode()) return JSON.createObjectNode();
        JsonNode schema = body.path("schema");
        if (schema.path("type").asText().equals("ref")) {
            String ref = schema.path("ref").asText();
            assertEquals('#', ref.charAt(0), "local refs only here");
            return lexicon.path("defs").path(ref.substring(1));
        }
        return schema;
    }

    private static Path lexiconFile(String nsid) {
        return Kit.lexicons().resolve(nsid.replace('.', '/') + ".json");
    }
}
