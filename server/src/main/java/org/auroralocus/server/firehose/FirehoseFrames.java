package org.auroralocus.server.firehose;

import java.util.HashMap;
import java.util.Map;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.server.sequencer.SequencedEvent;

/**
 * The binary WebSocket messages of an XRPC subscription (https://atproto.com/specs/event-stream):
 * a DAG-CBOR header followed at once by a DAG-CBOR body. Messages have the header
 * {@code {t: "#commit", op: 1}} (canonical order puts {@code t} first), errors {@code {op: -1}}.
 */
final class FirehoseFrames {
    private static final byte[] ERROR_HEADER = DagCbor.encode(DataValue.map("op", DataValue.of(-1)));
    /** Encoded once: the headers of the five message types subscribeRepos sends. */
    private static final Map<String, byte[]> MESSAGE_HEADERS = Map.of(
            "#commit", messageHeader("#commit"), "#sync", messageHeader("#sync"),
            "#identity", messageHeader("#identity"), "#account", messageHeader("#account"),
            "#info", messageHeader("#info"));

    private FirehoseFrames() {}

    /** The frame of a sequenced event: its stored body with {@code seq} and {@code time} added. */
    static Frame message(SequencedEvent event) {
        Map<String, DataValue> body = new HashMap<>(event.body().entries());
        body.put("seq", DataValue.of(event.seq()));
        body.put("time", DataValue.of(event.timestamp()));
        byte[] header = MESSAGE_HEADERS.get(event.type());
        if (header == null) header = messageHeader(event.type());
        return new Frame(event.seq(), concat(header, DagCbor.encode(new DataValue.MapValue(body))));
    }

    /** An {@code #info} message, such as {@code OutdatedCursor}. */
    static byte[] info(String name, String message) {
        return concat(MESSAGE_HEADERS.get("#info"),
                DagCbor.encode(DataValue.map("name", DataValue.of(name), "message", DataValue.of(message))));
    }

    /** An error frame; the stream ends after it. */
    static byte[] error(String error, String message) {
        return concat(ERROR_HEADER,
                DagCbor.encode(DataValue.map("error", DataValue.of(error), "message", DataValue.of(message))));
    }

    private static byte[] messageHeader(String type) {
        return DagCbor.encode(DataValue.map("t", DataValue.of(type), "op", DataValue.of(1)));
    }

    private static byte[] concat(byte[] header, byte[] body) {
        byte[] frame = new byte[header.length + body.length];
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(body, 0, frame, header.length, body.length);
        return frame;
    }
}
