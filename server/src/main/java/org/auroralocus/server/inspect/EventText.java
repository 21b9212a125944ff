package org.auroralocus.server.inspect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.auroralocus.atproto.cbor.DataValue;

/** Event bodies made readable: a one-line summary of a commit's operations, and the body without its CAR bytes. */
final class EventText {
    private EventText() {}

    /** {@code create app.bsky.feed.post/3k…, delete …}; for other events the handle, status or rev they carry. */
    static String ops(DataValue.MapValue body) {
        if (body.get("ops").orElse(null) instanceof DataValue.ListValue list) {
            if (list.items().isEmpty()) return "commit, no record changes (a new or rewritten repository)";
            return list.items().stream()
                    .map(op -> op instanceof DataValue.MapValue m
                            ? m.text("action").orElse("?") + " " + m.text("path").orElse("")
                            : "?")
                    .collect(Collectors.joining(", "));
        }
        if (body.text("handle").isPresent()) return "handle " + body.text("handle").get();
        if (body.get("active").orElse(null) instanceof DataValue.BoolValue active) {
            return active.value() ? "active" : body.text("status").orElse("inactive");
        }
        return body.text("rev").map(rev -> "rev " + rev).orElse("");
    }

    /** The body with {@code blocks} (a CAR, unreadable as text) replaced by its size. */
    static DataValue.MapValue withoutBlocks(DataValue.MapValue body) {
        if (!(body.get("blocks").orElse(null) instanceof DataValue.BytesValue blocks)) return body;
        Map<String, DataValue> copy = new LinkedHashMap<>(body.entries());
        copy.put("blocks", DataValue.of("(CAR, " + blocks.value().length + " bytes)"));
        return new DataValue.MapValue(copy);
    }
}
