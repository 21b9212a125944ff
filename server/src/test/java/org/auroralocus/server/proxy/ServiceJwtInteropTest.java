package org.auroralocus.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.auroralocus.atproto.interop.OfficialPackages;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service JWT the proxy sends upstream, checked by the official @atproto/crypto against the
 * account's key from its DID document, as an AppView checks it.
 */
class ServiceJwtInteropTest {
    @RegisterExtension static final FakeService appView = new FakeService();
    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(appView.asAppView());

    @Test
    void theOfficialPackageVerifiesTheProxiedServiceJwtAndRefusesATamperedOne() throws Exception {
        OfficialPackages official = OfficialPackages.locate("service-jwt-interop.mjs", "@atproto/crypto");
        TestAccounts.SignedUp hana = pds.signUp("hana", "password-hana");
        assertEquals(200, pds.get("/xrpc/app.bsky.notification.listNotifications", hana.auth()).status());
        String token = appView.next().header("authorization").orElseThrow().substring("Bearer ".length());
        String didKey = pds.server().services().dids().resolve(hana.did()).orElseThrow().atprotoKey().orElseThrow().didKey();

        JsonNode verdict = official.run("verify", token, didKey);
        assertTrue(verdict.get("ok").asBoolean(), verdict.toString());
        assertEquals(hana.did().value(), verdict.get("payload").get("iss").asText());
        assertEquals(appView.did(), verdict.get("payload").get("aud").asText());
        assertEquals("app.bsky.notification.listNotifications", verdict.get("payload").get("lxm").asText());

        String[] parts = token.split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("listNotifications", "getTimeline").getBytes(StandardCharsets.UTF_8));
        JsonNode tampered = official.run("verify", parts[0] + "." + otherClaims + "." + parts[2], didKey);
        assertFalse(tampered.get("ok").asBoolean(), tampered.toString());
    }
}
