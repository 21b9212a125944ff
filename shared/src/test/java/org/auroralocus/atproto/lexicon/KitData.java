package org.auroralocus.atproto.lexicon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;

/**
 * The JSON form of data-model values in the kit's vectors ({@code $link}, {@code $bytes}) read as
 * {@link DataValue}s. TODO(cbor helper): replace with DataJson.fromTree once the data-model JSON
 * reader lands in main; this exists only so the lexicon vectors can run before then.
 */
final class KitData {
    private KitData() {}

    static DataValue of(JsonNode n) {
        if (n.isNull()) return DataValue.ofNull();
        if (n.isBoolean()) return DataValue.of(n.booleanValue());
        if (n.isIntegralNumber()) return DataValue.of(n.longValue());
        if (n.isTextual()) return DataValue.of(n.textValue());
        if (n.isArray()) {
            List<DataValue> items = new ArrayList<>();
            n.forEach(item -> items.add(of(item)));
            return DataValue.list(items);
        }
        if (n.isObject()) {
            if (n.size() == 1 && n.has("$link") && n.get("$link").isTextual()) return DataValue.of(Cid.parse(n.get("$link").textValue()));
            if (n.size() == 1 && n.has("$bytes") && n.get("$bytes").isTextual()) {
                return DataValue.bytes(Base64.getDecoder().decode(n.get("$bytes").textValue()));
            }
            Map<String, DataValue> entries = new LinkedHashMap<>();
            n.properties().forEach(e -> entries.put(e.getKey(), of(e.getValue())));
            return new DataValue.MapValue(entries);
        }
        throw new IllegalArgumentException("not a data-model value: " + n);
    }
}
