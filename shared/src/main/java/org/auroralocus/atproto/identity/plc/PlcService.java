package org.auroralocus.atproto.identity.plc;

import java.util.Objects;

/** A service entry of a PLC operation: {@code {"type": ..., "endpoint": ...}}. */
public record PlcService(String type, String endpoint) {
    /** The key of the atproto PDS entry in {@code services}. */
    public static final String ATPROTO_PDS = "atproto_pds";
    public static final String ATPROTO_PDS_TYPE = "AtprotoPersonalDataServer";

    public PlcService {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /** An atproto PDS at {@code endpoint} (for example {@code https://pds.example.com}, no {@code /xrpc}). */
    public static PlcService atprotoPds(String endpoint) {
        return new PlcService(ATPROTO_PDS_TYPE, endpoint);
    }
}
