package org.auroralocus.server.preferences;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.DataJson;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.db.PreferenceTable;

/**
 * An account's app.bsky preferences as the official PDS keeps them: putPreferences replaces the whole
 * app.bsky set, and the birth date ({@code personalDetailsPref}) is for full sessions only: app-password
 * sessions neither see it nor overwrite it. Instead they see {@code declaredAgePref}, derived from the
 * birth date on every read and never stored.
 */
public final class AccountPreferences {
    static final String NAMESPACE = "app.bsky";
    static final String PERSONAL_DETAILS = "app.bsky.actor.defs#personalDetailsPref";
    static final String DECLARED_AGE = "app.bsky.actor.defs#declaredAgePref";

    private final ActorStores actors;
    private final Clock clock;

    public AccountPreferences(ActorStores actors, Clock clock) {
        this.actors = actors;
        this.clock = clock;
    }

    /** The account's app.bsky preferences in the order they were put, as a session with {@code fullAccess} may see them. */
    public List<DataValue.MapValue> get(Did did, boolean fullAccess) {
        List<PreferenceTable.StoredPreference> stored = actors.read(did, r -> r.preferences());
        List<DataValue.MapValue> prefs = new ArrayList<>();
        for (PreferenceTable.StoredPreference p : stored) {
            if (inNamespace(p.name())) prefs.add(DataJson.parseObject(p.valueJson()));
        }
        prefs.stream().filter(p -> p.text("$type").equals(Optional.of(PERSONAL_DETAILS))).findFirst()
                .flatMap(p -> p.text("birthDate")).flatMap(this::age)
                .ifPresent(age -> prefs.add(DataValue.map("$type", DataValue.of(DECLARED_AGE),
                        "isOverAge13", DataValue.of(age >= 13), "isOverAge16", DataValue.of(age >= 16),
                        "isOverAge18", DataValue.of(age >= 18))));
        return prefs.stream().filter(p -> allowed(p.text("$type").orElse(""), fullAccess)).toList();
    }

    /**
     * Replaces the app.bsky preferences the session may write with {@code values}; a full-access-only
     * preference the session may not write is kept as it was.
     *
     * @throws PreferenceException for a value without {@code $type}, outside app.bsky, or not the session's to write
     */
    public void put(Did did, List<DataValue> values, boolean fullAccess) {
        List<DataValue.MapValue> prefs = new ArrayList<>();
        for (DataValue value : values) {
            if (!(value instanceof DataValue.MapValue map) || map.text("$type").isEmpty()) {
                throw new PreferenceException("Preference is missing a $type");
            }
            prefs.add(map);
        }
        if (!prefs.stream().allMatch(p -> inNamespace(type(p)))) {
            throw new PreferenceException("Some preferences are not in the " + NAMESPACE + " namespace");
        }
        List<String> forbidden = prefs.stream().map(AccountPreferences::type).filter(t -> !allowed(t, fullAccess)).toList();
        if (!forbidden.isEmpty()) {
            throw new PreferenceException("Do not have authorization to set preferences: " + String.join(", ", forbidden));
        }
        actors.transact(did, w -> {
            PreferenceTable table = w.preferenceTable();
            for (PreferenceTable.StoredPreference old : table.all()) {
                if (inNamespace(old.name()) && allowed(old.name(), fullAccess)) table.delete(old.id());
            }
            for (DataValue.MapValue p : prefs) {
                if (!type(p).equals(DECLARED_AGE)) table.insert(type(p), DataJson.toJson(p));
            }
            return null;
        });
    }

    private static String type(DataValue.MapValue pref) {
        return pref.text("$type").orElseThrow();
    }

    private static boolean inNamespace(String type) {
        return type.equals(NAMESPACE) || type.startsWith(NAMESPACE + ".");
    }

    private static boolean allowed(String type, boolean fullAccess) {
        return fullAccess || !type.equals(PERSONAL_DETAILS);
    }

    /** Whole years since the birth date (a date or a datetime), in UTC; empty when it does not parse. */
    private Optional<Integer> age(String birthDate) {
        try {
            LocalDate born = LocalDate.parse(birthDate.length() >= 10 ? birthDate.substring(0, 10) : birthDate);
            return Optional.of(Period.between(born, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).getYears());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
