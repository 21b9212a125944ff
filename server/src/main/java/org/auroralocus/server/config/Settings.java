package org.auroralocus.server.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw {@code PDS_*} settings, already merged (environment over file), with typed getters whose
 * errors name the variable. Empty values count as unset, as in the official PDS.
 */
final class Settings {
    private final Map<String, String> values;

    Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    Optional<String> string(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    Optional<Integer> integer(String name) {
        return longInteger(name).map(n -> {
            if (n != n.intValue()) throw new ConfigException(name + " is out of range, got " + n);
            return n.intValue();
        });
    }

    /** A whole number, possibly too big for an int (a duration in milliseconds). */
    Optional<Long> longInteger(String name) {
        return string(name).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(name + " must be a whole number, got \"" + v + "\"");
            }
        });
    }

    Optional<Boolean> bool(String name) {
        return string(name).map(v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ConfigException(name + " must be true or false, got \"" + v + "\"");
        });
    }

    /** A comma-separated list, as the official PDS's envList reads it. */
    List<String> list(String name) {
        return string(name)
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
