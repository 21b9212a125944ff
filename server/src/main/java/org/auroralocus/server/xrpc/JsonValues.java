package org.auroralocus.server.xrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.auroralocus.atproto.cbor.DataValue;

/** The JSON form of data-model values (records, {@code $link}, {@code $bytes}, blobs) in XRPC bodies. */
interface JsonValues {
    /** Reads a JSON tree as a data-model value; {@code path} names it in errors. */
    DataValue toDataValue(JsonNode node, String path);

    void write(DataValue value, JsonGenerator out) throws IOException;
}
