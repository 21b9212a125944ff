package org.auroralocus.server.xrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.auroralocus.atproto.cbor.DataJson;
import org.auroralocus.atproto.cbor.DataJsonException;
import org.auroralocus.atproto.cbor.DataValue;

/** {@link JsonValues} through the core's JSON mapping of the data model. */
public final class DataJsonValues implements JsonValues {
    @Override public DataValue toDataValue(JsonNode node, String path) {
        try {
            return DataJson.fromTree(node);
        } catch (DataJsonException e) {
            // the core names the place from the value's own root; the client wants it from the body's
            String where = path + e.path().substring(1);
            throw new RecordBinder.BindingException(e.getMessage().replace("at " + e.path(), "at " + where));
        }
    }

    @Override public void write(DataValue value, JsonGenerator out) throws IOException {
        DataJson.write(value, out);
    }
}
