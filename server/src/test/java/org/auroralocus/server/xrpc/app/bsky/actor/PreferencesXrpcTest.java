package org.auroralocus.server.xrpc.app.bsky.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestPds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** app.bsky.actor.getPreferences / putPreferences over real HTTP, served by the PDS itself (no AppView configured). */
class PreferencesXrpcTest {
    private static final String BIRTH = "{\"$type\":\"app.bsky.actor.defs#personalDetailsPref\",\"birthDate\":\"1990-04-01T00:00:00.000Z\"}";
    private static final String ADULT = "{\"$type\":\"app.bsky.actor.defs#adultContentPref\",\"enabled\":true}";
    private static final String FEEDS = "{\"$type\":\"app.bsky.actor.defs#savedFeedsPrefV2\",\"items\":[{\"id\":\"1\",\"type\":\"timeline\",\"value\":\"following\",\"pinned\":true}]}";

    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of());

    @Test
    void putPreferencesReplacesTheWholeSetAndGetPreferencesReturnsIt() {
        TestAccounts.SignedUp erin = pds.signUp("erin", "password-erin");
        assertEquals(0, get(erin.accessJwt()).size());
        assertEquals(200, put(erin.accessJwt(), ADULT, FEEDS).status());
        assertEquals(List.of("app.bsky.actor.defs#adultContentPref", "app.bsky.actor.defs#savedFeedsPrefV2"), types(get(erin.accessJwt())));
        assertEquals("following", get(erin.accessJwt()).get(1).get("items").get(0).get("value").asText());
        assertEquals(200, put(erin.accessJwt(), FEEDS).status());
        assertEquals(List.of("app.bsky.actor.defs#savedFeedsPrefV2"), types(get(erin.accessJwt())));
    }

    @Test
    void preferencesOutsideAppBskyOrWithoutATypeAreRefused() {
        TestAccounts.SignedUp fay = pds.signUp("fay", "password-fay");
        var foreign = put(fay.accessJwt(), "{\"$type\":\"com.example.pref\"}");
        assertEquals(400, foreign.status());
        assertEquals("Some preferences are not in the app.bsky namespace", foreign.json().get("message").asText());
        var untyped = put(fay.accessJwt(), "{\"enabled\":true}");
        assertEquals(400, untyped.status());
        assertEquals("Preference is missing a $type", untyped.json().get("message").asText());
    }

    @Test
    void appPasswordSessionsNeitherSeeNorWriteTheBirthDate() {
        TestAccounts.SignedUp gus = pds.signUp("gus", "password-gus");
        assertEquals(200, put(gus.accessJwt(), BIRTH, ADULT).status());
        List<String> full = types(get(gus.accessJwt()));
        assertTrue(full.contains("app.bsky.actor.defs#personalDetailsPref"), full.toString());
        assertTrue(full.contains("app.bsky.actor.defs#declaredAgePref"), full.toString());

        String app = appPasswordSession(gus);
        JsonNode seen = get(app);
        assertEquals(List.of("app.bsky.actor.defs#adultContentPref", "app.bsky.actor.defs#declaredAgePref"), types(seen));
        assertTrue(seen.get(1).get("isOverAge18").asBoolean());
        var refused = put(app, BIRTH);
        assertEquals(400, refused.status());
        assertEquals("Do not have authorization to set preferences: app.bsky.actor.defs#personalDetailsPref",
                refused.json().get("message").asText());
        // what the app-password session writes replaces the rest, but the birth date stays
        assertEquals(200, put(app, FEEDS).status());
        assertEquals(List.of("app.bsky.actor.defs#personalDetailsPref", "app.bsky.actor.defs#savedFeedsPrefV2",
                "app.bsky.actor.defs#declaredAgePref"), types(get(gus.accessJwt())));
    }

    @Test
    void preferencesNeedASession() {
        var r = pds.get("/xrpc/app.bsky.actor.getPreferences");
        assertEquals(401, r.status());
        assertEquals("AuthMissing", r.error());
    }

    private static String appPasswordSession(TestAccounts.SignedUp who) {
        String password = pds.post("/xrpc/com.atproto.server.createAppPassword", "{\"name\":\"app\"}", who.auth())
                .json().get("password").asText();
        return pds.post("/xrpc/com.atproto.server.createSession",
                "{\"identifier\":\"" + who.handle() + "\",\"password\":\"" + password + "\"}").json().get("accessJwt").asText();
    }

    private static JsonNode get(String token) {
        var r = pds.get("/xrpc/app.bsky.actor.getPreferences", "Authorization", "Bearer " + token);
        assertEquals(200, r.status(), r.text());
        return r.json().get("preferences");
    }

    private static TestPds.Response put(String token, String... prefs) {
        return pds.post("/xrpc/app.bsky.actor.putPreferences", "{\"preferences\":[" + String.join(",", prefs) + "]}",
                "Authorization", "Bearer " + token);
    }

    private static List<String> types(JsonNode prefs) {
        List<String> out = new ArrayList<>();
        prefs.forEach(p -> out.add(p.get("$type").asText()));
        return out;
    }
}
