package org.auroralocus.atproto.lexicon;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a value sits inside a larger one: property names and list indexes from the root, shown as
 * a JSON path the way the official PDS shows it ({@code $.record.embed.images[0].alt},
 * {@code $.record["cid-link"]}).
 */
public record ValuePath(List<Object> segments) {
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-zA-Z_$][a-zA-Z0-9_]*");

    public ValuePath {
        segments = List.copyOf(segments);
        for (Object s : segments) {
            if (!(s instanceof String) && !(s instanceof Integer)) {
                throw new IllegalArgumentException("a path segment is a property name or a list index: " + s);
            }
        }
    }

    /** The value itself ({@code $}). */
    public static ValuePath root() {
        return new ValuePath(List.of());
    }

    /** A path from property names (strings) and list indexes (integers). */
    public static ValuePath of(Object... segments) {
        return new ValuePath(List.of(segments));
    }

    public ValuePath key(String name) {
        return append(name);
    }

    public ValuePath index(int i) {
        return append(i);
    }

    private ValuePath append(Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new ValuePath(longer);
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("$");
        for (Object s : segments) {
            if (s instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else if (PLAIN_NAME.matcher((String) s).matches()) {
                sb.append('.').append(s);
            } else {
                sb.append("[\"").append(JsonStringEncoder.getInstance().quoteAsString((String) s)).append("\"]");
            }
        }
        return sb.toString();
    }
}
