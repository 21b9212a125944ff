package org.auroralocus.server.xrpc.com.atproto.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the operator configures about itself: the links sign-up screens show, and a recovery key in every new DID. */
class OperatorSettingsXrpcTest {
    @TempDir Path dir;

    @Test
    void describeServerShowsTheOperatorsLinksAndContact() {
        try (TestPds pds = TestPds.start(dir, Map.of(
                "PDS_PRIVACY_POLICY_URL", "https://example.com/privacy",
                "PDS_TERMS_OF_SERVICE_URL", "https://example.com/terms",
                "PDS_CONTACT_EMAIL_ADDRESS", "admin@example.com"))) {
            JsonNode d = pds.get("/xrpc/com.atproto.server.describeServer").json();
            assertEquals("https://example.com/privacy", d.get("links").get("privacyPolicy").asText());
            assertEquals("https://example.com/terms", d.get("links").get("termsOfService").asText());
            assertEquals("admin@example.com", d.get("contact").get("email").asText());
        }
    }

    @Test
    void withoutThemDescribeServerLeavesTheFieldsOut() {
        try (TestPds pds = TestPds.start(dir, Map.of())) {
            JsonNode d = pds.get("/xrpc/com.atproto.server.describeServer").json();
            assertFalse(d.get("links").has("privacyPolicy"));
            assertFalse(d.get("contact").has("email"));
        }
    }

    @Test
    void theRecoveryKeyComesBeforeTheServersRotationKeyInNewDids() {
        String recovery = KeyPair.generate(Curve.P256, new java.security.SecureRandom()).publicKey().didKey();
        try (TestPds pds = TestPds.start(dir, Map.of("PDS_RECOVERY_DID_KEY", recovery))) {
            var user = TestAccounts.signUp(pds, "rita", "correct horse");
            JsonNode genesis = pds.get("/plc/" + user.did() + "/log").json().get(0);
            JsonNode keys = genesis.get("rotationKeys");
            assertEquals(2, keys.size(), keys.toString());
            assertEquals(recovery, keys.get(0).asText());
            assertEquals(pds.server().services().plc().rotationKey().didKey(), keys.get(1).asText());
        }
    }

    @Test
    void aRecoveryKeyThatIsNotADidKeyStopsTheStartWithOneLine() {
        var e = assertThrows(ConfigException.class, () -> TestPds.start(dir, Map.of("PDS_RECOVERY_DID_KEY", "zQ3notakey")));
        assertTrue(e.getMessage().startsWith("PDS_RECOVERY_DID_KEY must be a did:key"), e.getMessage());
    }
}
