package org.auroralocus.server.xrpc.com.atproto.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.auroralocus.server.TestPds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invite codes on a server that requires them (PDS_INVITE_REQUIRED=true), over real HTTP. */
class InvitesXrpcTest {
    private static final String ADMIN_PASSWORD = "invite-admin";

    @TempDir Path dir;
    private TestPds pds;

    @BeforeEach
    void start() {
        pds = TestPds.start(dir, Map.of("PDS_ADMIN_PASSWORD", ADMIN_PASSWORD, "PDS_INVITE_REQUIRED", "true"));
    }

    @AfterEach
    void stop() {
        pds.close();
    }

    private String[] admin() {
        return new String[] {"Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))};
    }

    private TestPds.Response signUp(String name, String code) {
        return pds.post("/xrpc/com.atproto.server.createAccount", "{\"handle\":\"" + name + ".test\",\"email\":\"" + name
                + "@example.com\",\"password\":\"pass word\"" + (code == null ? "" : ",\"inviteCode\":\"" + code + "\"") + "}");
    }

    private JsonNode ok(TestPds.Response r) {
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    @Test
    void invitesAreRequiredAndEachCodesUsesCounted() {
        TestPds.Response none = signUp("nocode", null);
        assertEquals("InvalidInviteCode", none.error(), none.text());
        assertEquals("InvalidInviteCode", signUp("badcode", "localhost-aaaaa-bbbbb").error());

        String code = ok(pds.post("/xrpc/com.atproto.server.createInviteCode", "{\"useCount\":2}", admin())).get("code").asText();
        assertTrue(code.matches("localhost-[a-z2-7]{5}-[a-z2-7]{5}"), code);
        String first = ok(signUp("first", code)).get("did").asText();
        String second = ok(signUp("second", code)).get("did").asText();
        assertEquals("InvalidInviteCode", signUp("third", code).error(), "used up after two");

        JsonNode codes = ok(pds.get("/xrpc/com.atproto.admin.getInviteCodes", admin())).get("codes");
        assertEquals(1, codes.size());
        assertEquals(2, codes.get(0).get("uses").size());
        assertEquals(java.util.Set.of(first, second), java.util.Set.of(codes.get(0).get("uses").get(0).get("usedBy").asText(),
                codes.get(0).get("uses").get(1).get("usedBy").asText()));
        JsonNode info = ok(pds.get("/xrpc/com.atproto.admin.getAccountInfo?did=" + first, admin()));
        assertEquals(code, info.get("invitedBy").get("code").asText());

        JsonNode made = ok(pds.post("/xrpc/com.atproto.server.createInviteCodes",
                "{\"codeCount\":2,\"useCount\":1,\"forAccounts\":[\"" + first + "\"]}", admin())).get("codes");
        assertEquals(first, made.get(0).get("account").asText());
        String gift = made.get(0).get("codes").get(0).asText();
        String disabled = made.get(0).get("codes").get(1).asText();
        ok(pds.post("/xrpc/com.atproto.admin.disableInviteCodes", "{\"codes\":[\"" + disabled + "\"]}", admin()));
        assertEquals("InvalidInviteCode", signUp("fourth", disabled).error(), "disabled");
        ok(signUp("fifth", gift));
        TestPds.Response adminCodes = pds.post("/xrpc/com.atproto.admin.disableInviteCodes", "{\"accounts\":[\"admin\"]}", admin());
        assertEquals("InvalidRequest", adminCodes.error());

        String firstJwt = ok(pds.post("/xrpc/com.atproto.server.createSession",
                "{\"identifier\":\"first.test\",\"password\":\"pass word\"}")).get("accessJwt").asText();
        JsonNode own = ok(pds.get("/xrpc/com.atproto.server.getAccountInviteCodes?includeUsed=false",
                "Authorization", "Bearer " + firstJwt)).get("codes");
        assertEquals(0, own.size(), "one code used, one disabled");
        assertEquals(1, ok(pds.get("/xrpc/com.atproto.server.getAccountInviteCodes",
                "Authorization", "Bearer " + firstJwt)).get("codes").size());
    }
}
