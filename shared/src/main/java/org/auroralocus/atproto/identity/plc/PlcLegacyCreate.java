package org.auroralocus.atproto.identity.plc;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;

/**
 * The deprecated {@code create} genesis format. Never written any more, but many early DIDs are the
 * hash of one, so it must be read and verified in this form; {@link #normalized()} gives its meaning
 * as a regular operation, as the official library defines it.
 */
public record PlcLegacyCreate(String signingKey, String recoveryKey, String handle, String service) implements PlcOp {
    public static final String TYPE = "create";

    public PlcLegacyCreate {
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(recoveryKey, "recoveryKey");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(service, "service");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<Cid> prev() {
        return Optional.empty();
    }

    @Override
    public DataValue.MapValue unsignedValue() {
        return DataValue.map(
                "type", DataValue.of(TYPE),
                "signingKey", DataValue.of(signingKey),
                "recoveryKey", DataValue.of(recoveryKey),
                "handle", DataValue.of(handle),
                "service", DataValue.of(service),
                "prev", DataValue.ofNull());
    }

    /**
     * The same state as a regular operation: the recovery key then the signing key rotate, the
     * signing key is the atproto key, the bare handle becomes an {@code at://} alias and the service
     * an https URL when it has no scheme.
     */
    public PlcOperation normalized() {
        return new PlcOperation(
                List.of(recoveryKey, signingKey),
                Map.of(PlcOperation.ATPROTO_KEY, signingKey),
                List.of(PlcOperation.atUri(handle)),
                Map.of(PlcService.ATPROTO_PDS, PlcService.atprotoPds(httpUrl(service))),
                Optional.empty());
    }

    private static String httpUrl(String service) {
        return service.startsWith("http://") || service.startsWith("https://") ? service : "https://" + service;
    }
}
