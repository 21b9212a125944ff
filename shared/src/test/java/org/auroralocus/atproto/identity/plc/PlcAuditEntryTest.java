package org.auroralocus.atproto.identity.plc;

import static org.auroralocus.atproto.identity.plc.PlcTestKeys.ROTATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlcAuditEntryTest {
    private final SignedPlcOp genesis = SignedPlcOpTest.genesis().sign(ROTATION);

    @Test
    void createdAtIsWrittenWithThreeFractionDigitsLikeTheDirectory() {
        PlcAuditEntry entry = PlcAuditEntry.accepted(genesis.genesisDid(), genesis, Instant.parse("2026-01-02T03:04:05Z"));

        assertEquals("2026-01-02T03:04:05.000Z", entry.toJson().get("createdAt").textValue());
        assertEquals(genesis.cid().toString(), entry.toJson().get("cid").textValue());
        assertEquals(false, entry.toJson().get("nullified").booleanValue());
    }

    @Test
    void entryRoundTripsToTheMillisecond() {
        PlcAuditEntry entry = PlcAuditEntry.accepted(genesis.genesisDid(), genesis, Instant.parse("2026-01-02T03:04:05.123456Z"));

        PlcAuditEntry back = PlcAuditEntry.fromJson(entry.toJson());

        assertEquals(entry, back);
        assertEquals(Instant.parse("2026-01-02T03:04:05.123Z"), back.createdAt());
    }

    @Test
    void entryWithMalformedCidIsRejected() {
        PlcAuditEntry entry = PlcAuditEntry.accepted(genesis.genesisDid(), genesis, Instant.EPOCH);

        assertThrows(InvalidPlcOperationException.class, () -> PlcAuditEntry.fromJson(entry.toJson().put("cid", "nope")));
    }
}
