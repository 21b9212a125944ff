package org.auroralocus.atproto.lexicon.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.auroralocus.atproto.lexicon.LexArray;
import org.auroralocus.atproto.lexicon.LexBlob;
import org.auroralocus.atproto.lexicon.LexBoolean;
import org.auroralocus.atproto.lexicon.LexBytes;
import org.auroralocus.atproto.lexicon.LexCidLink;
import org.auroralocus.atproto.lexicon.LexDef;
import org.auroralocus.atproto.lexicon.LexField;
import org.auroralocus.atproto.lexicon.LexInteger;
import org.auroralocus.atproto.lexicon.LexObject;
import org.auroralocus.atproto.lexicon.LexPermissionSet;
import org.auroralocus.atproto.lexicon.LexProcedure;
import org.auroralocus.atproto.lexicon.LexQuery;
import org.auroralocus.atproto.lexicon.LexRecord;
import org.auroralocus.atproto.lexicon.LexRef;
import org.auroralocus.atproto.lexicon.LexString;
import org.auroralocus.atproto.lexicon.LexSubscription;
import org.auroralocus.atproto.lexicon.LexToken;
import org.auroralocus.atproto.lexicon.LexUnion;
import org.auroralocus.atproto.lexicon.LexUnknown;

/**
 * A definition in the form two equal schemas share however they were written: references made
 * absolute ({@code nsid#name}), union members, required and nullable names sorted, and
 * {@code knownValues} dropped (they never decide validity, and our definitions leave them out).
 * Everything else (types, properties, every constraint, key rules) is kept, so that two schemas
 * that validate differently never compare equal.
 */
final class OfficialForm {
    private final String doc;

    private OfficialForm(String doc) {
        this.doc = doc;
    }

    /** {@code def}, written in the document {@code doc}, in comparable form. */
    static LexDef of(LexDef def, String doc) {
        return new OfficialForm(doc).def(def);
    }

    private LexDef def(LexDef def) {
        return switch (def) {
            case LexRecord r -> new LexRecord(r.key(), object(r.record()));
            case LexField f -> (LexDef) field(f);
            case LexToken t -> t;
            case LexQuery q -> throw new IllegalArgumentException("records only: " + q);
            case LexProcedure p -> throw new IllegalArgumentException("records only: " + p);
            case LexSubscription s -> throw new IllegalArgumentException("records only: " + s);
            case LexPermissionSet p -> throw new IllegalArgumentException("records only: " + p);
        };
    }

    private LexField field(LexField field) {
        return switch (field) {
            case LexRef r -> new LexRef(absolute(r.ref()));
            case LexUnion u -> new LexUnion(u.refs().stream().map(this::absolute).sorted().toList(), u.closed());
            case LexObject o -> object(o);
            case LexArray a -> array(a);
            case LexString s -> string(s);
            case LexBoolean _, LexInteger _, LexBytes _, LexCidLink _, LexBlob _, LexUnknown _ -> field;
        };
    }

    private LexObject object(LexObject o) {
        SequencedMap<String, LexField> properties = new LinkedHashMap<>();
        o.properties().forEach((name, type) -> properties.put(name, field(type)));
        return new LexObject(properties, sorted(o.required()), sorted(o.nullable()));
    }

    private LexArray array(LexArray a) {
        return new LexArray(field(a.items()), a.minLength(), a.maxLength());
    }

    private static LexString string(LexString s) {
        return new LexString(s.format(), s.minLength(), s.maxLength(), s.minGraphemes(), s.maxGraphemes(),
                s.enumValues(), s.constValue(), s.defaultValue(), List.of());
    }

    private String absolute(String ref) {
        if (ref.startsWith("#")) return doc + ref;
        return ref.contains("#") ? ref : ref + "#main";
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }
}
