package org.auroralocus.atproto.identity.plc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.syntax.Handle;

/**
 * {@code plc_operation}: the whole state of a DID (keys, aliases, services) plus the CID of the
 * operation it follows, empty for the genesis operation.
 *
 * <p>Keys and aliases are kept as the exact strings of the operation, because the signature and the
 * CID cover those bytes; the directory's limits (key counts, sizes) are checked where operations are
 * admitted, not here, so that any log the official directory serves can be read. Map and list order is
 * kept (it shows in JSON); DAG-CBOR sorts map keys itself.
 */
public record PlcOperation(
        List<String> rotationKeys,
        Map<String, String> verificationMethods,
        List<String> alsoKnownAs,
        Map<String, PlcService> services,
        Optional<Cid> prev) implements PlcOp {
    public static final String TYPE = "plc_operation";
    /** The {@code verificationMethods} entry holding the atproto signing key (the document's {@code #atproto}). */
    public static final String ATPROTO_KEY = "atproto";
    private static final String AT_URI_PREFIX = "at://";

    public PlcOperation {
        rotationKeys = List.copyOf(rotationKeys);
        verificationMethods = orderedCopy(verificationMethods);
        alsoKnownAs = List.copyOf(alsoKnownAs);
        services = orderedCopy(services);
        Objects.requireNonNull(prev, "prev");
    }

    /**
     * A genesis operation for an atproto account, shaped as the official PDS writes it: its rotation
     * keys in priority order, the repository signing key as {@code #atproto}, the handle as
     * {@code at://handle} and the PDS as {@code #atproto_pds}.
     */
    public static PlcOperation atprotoGenesis(List<PublicKey> rotationKeys, PublicKey signingKey, Handle handle, String pdsEndpoint) {
        return new PlcOperation(
                rotationKeys.stream().map(PublicKey::didKey).toList(),
                Map.of(ATPROTO_KEY, signingKey.didKey()),
                List.of(atUri(handle.value())),
                Map.of(PlcService.ATPROTO_PDS, PlcService.atprotoPds(pdsEndpoint)),
                Optional.empty());
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The same state following {@code previous}: the start of an update. */
    public PlcOperation withPrev(Cid previous) {
        return new PlcOperation(rotationKeys, verificationMethods, alsoKnownAs, services, Optional.of(previous));
    }

    /** Replaces the first {@code at://} alias with this handle, or puts it first when there is none. */
    public PlcOperation withHandle(Handle handle) {
        List<String> aliases = new ArrayList<>(alsoKnownAs);
        int current = firstAtUri();
        if (current < 0) {
            aliases.addFirst(atUri(handle.value()));
        } else {
            aliases.set(current, atUri(handle.value()));
        }
        return new PlcOperation(rotationKeys, verificationMethods, aliases, services, prev);
    }

    /** Points {@code #atproto_pds} at another PDS. */
    public PlcOperation withPdsEndpoint(String endpoint) {
        Map<String, PlcService> updated = new LinkedHashMap<>(services);
        updated.put(PlcService.ATPROTO_PDS, PlcService.atprotoPds(endpoint));
        return new PlcOperation(rotationKeys, verificationMethods, alsoKnownAs, updated, prev);
    }

    /** Replaces the atproto repository signing key. */
    public PlcOperation withSigningKey(PublicKey signingKey) {
        Map<String, String> updated = new LinkedHashMap<>(verificationMethods);
        updated.put(ATPROTO_KEY, signingKey.didKey());
        return new PlcOperation(rotationKeys, updated, alsoKnownAs, services, prev);
    }

    /** Replaces the rotation keys (highest authority first). */
    public PlcOperation withRotationKeys(List<PublicKey> keys) {
        return new PlcOperation(keys.stream().map(PublicKey::didKey).toList(), verificationMethods, alsoKnownAs, services, prev);
    }

    /** The handle of the first {@code at://} alias, if it is a valid handle. */
    public Optional<Handle> handle() {
        int index = firstAtUri();
        if (index < 0) return Optional.empty();
        String candidate = alsoKnownAs.get(index).substring(AT_URI_PREFIX.length());
        return Handle.isValid(candidate) ? Optional.of(Handle.parse(candidate)) : Optional.empty();
    }

    /** The endpoint of {@code #atproto_pds}. */
    public Optional<String> pdsEndpoint() {
        return Optional.ofNullable(services.get(PlcService.ATPROTO_PDS)).map(PlcService::endpoint);
    }

    /** The did:key of the atproto signing key. */
    public Optional<String> signingKey() {
        return Optional.ofNullable(verificationMethods.get(ATPROTO_KEY));
    }

    @Override
    public DataValue.MapValue unsignedValue() {
        Map<String, DataValue> methods = new LinkedHashMap<>();
        verificationMethods.forEach((id, key) -> methods.put(id, DataValue.of(key)));
        Map<String, DataValue> serviceValues = new LinkedHashMap<>();
        services.forEach((id, s) -> serviceValues.put(id,
                DataValue.map("type", DataValue.of(s.type()), "endpoint", DataValue.of(s.endpoint()))));
        return DataValue.map(
                "type", DataValue.of(TYPE),
                "rotationKeys", texts(rotationKeys),
                "verificationMethods", new DataValue.MapValue(methods),
                "alsoKnownAs", texts(alsoKnownAs),
                "services", new DataValue.MapValue(serviceValues),
                "prev", prev.<DataValue>map(cid -> DataValue.of(cid.toString())).orElse(DataValue.ofNull()));
    }

    /** {@code at://} + the handle, also from the legacy form's bare or URL-prefixed handle. */
    static String atUri(String handle) {
        if (handle.startsWith(AT_URI_PREFIX)) return handle;
        // the official library drops the first "http://" and the first "https://" wherever they are
        return AT_URI_PREFIX + handle.replaceFirst("http://", "").replaceFirst("https://", "");
    }

    private int firstAtUri() {
        for (int i = 0; i < alsoKnownAs.size(); i++) {
            if (alsoKnownAs.get(i).startsWith(AT_URI_PREFIX)) return i;
        }
        return -1;
    }

    private static DataValue texts(List<String> values) {
        return DataValue.list(values.stream().map(DataValue::of).toList());
    }

    private static <V> Map<String, V> orderedCopy(Map<String, V> map) {
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
        return Collections.unmodifiableMap(copy);
    }
}
