package org.auroralocus.atproto.lexicon;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.cbor.DataValue.BoolValue;
import org.auroralocus.atproto.cbor.DataValue.BytesValue;
import org.auroralocus.atproto.cbor.DataValue.IntValue;
import org.auroralocus.atproto.cbor.DataValue.LinkValue;
import org.auroralocus.atproto.cbor.DataValue.ListValue;
import org.auroralocus.atproto.cbor.DataValue.MapValue;
import org.auroralocus.atproto.cbor.DataValue.NullValue;
import org.auroralocus.atproto.cbor.DataValue.TextValue;

/**
 * The wording of validation problems, as the official validator words them
 * ({@code @atproto/lex-schema}, validation-issue.ts), so that clients matching on messages see what
 * they see from the official PDS. The path is added by {@link LexiconValidationException}.
 */
final class Issues {
    /** Strings longer than this are cut in messages, as the official validator cuts them. */
    private static final int PREVIEW_LENGTH = 256;

    private Issues() {}

    /** {@code Expected string value type (got 2)}; {@code $typed} means an object with a {@code $type}. */
    static String expectedType(String expected, DataValue got) {
        String what = expected.equals("$typed") ? "an object which includes the \"$type\" property" : expected;
        return "Expected " + what + " value type (got " + describe(got) + ")";
    }

    /** {@code Expected one of "a", "b" or "c" (got "d")}; values and got already rendered. */
    static String expectedValues(List<String> allowed, String got) {
        return "Expected " + oneOf(allowed) + " (got " + got + ")";
    }

    static String invalidFormat(StringFormat format, String got) {
        return "Invalid " + format.description() + " (got " + quote(got) + ")";
    }

    static String missingKey(String key) {
        return "Missing required key \"" + key + "\"";
    }

    /** {@code string too big (maximum 10, got 12)}; measures: string, grapheme, integer, bytes, array, blob. */
    static String tooBig(String measure, long maximum, long actual) {
        return measure + " too big (maximum " + maximum + ", got " + actual + ")";
    }

    static String tooSmall(String measure, long minimum, long actual) {
        return measure + " too small (minimum " + minimum + ", got " + actual + ")";
    }

    /** A JSON string literal, cut to the preview length like the official messages. */
    static String quote(String s) {
        String shown = s.length() < PREVIEW_LENGTH ? s : s.substring(0, PREVIEW_LENGTH - 1) + "…";
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(shown)) + "\"";
    }

    /**
     * A short description of a value for "got ...": scalars in full, lists and maps by their first
     * two items (maps in canonical key order, the only order the data model keeps). A missing value
     * (null here) is {@code undefined}, as in the official messages.
     */
    static String describe(DataValue value) {
        return switch (value) {
            case null -> "undefined";
            case NullValue n -> "null";
            case BoolValue b -> String.valueOf(b.value());
            case IntValue i -> String.valueOf(i.value());
            case TextValue t -> quote(t.value());
            case LinkValue l -> "cid";
            // JavaScript shows a byte array as a non-plain object
            case BytesValue b -> "object";
            case ListValue l -> "[" + firstTwo(l.items().iterator(), l.items().size(), false) + "]";
            case MapValue m -> "{" + firstTwo(m.entries().entrySet().iterator(), m.entries().size(), true) + "}";
        };
    }

    private static String firstTwo(Iterator<?> items, int size, boolean entries) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2 && items.hasNext(); i++) {
            if (i > 0) sb.append(", ");
            Object item = items.next();
            sb.append(entries ? quote(((Map.Entry<?, ?>) item).getKey().toString()) + ": ..." : describe((DataValue) item));
        }
        if (size > 2) sb.append(", ...");
        return sb.toString();
    }

    private static String oneOf(List<String> values) {
        if (values.isEmpty()) return "";
        if (values.size() == 1) return values.getFirst();
        return "one of " + String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.getLast();
    }
}
