package org.auroralocus.atproto.lexicon.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SequencedMap;
import org.auroralocus.atproto.lexicon.KeyRule;
import org.auroralocus.atproto.lexicon.LexArray;
import org.auroralocus.atproto.lexicon.LexBlob;
import org.auroralocus.atproto.lexicon.LexBoolean;
import org.auroralocus.atproto.lexicon.LexBytes;
import org.auroralocus.atproto.lexicon.LexDef;
import org.auroralocus.atproto.lexicon.LexField;
import org.auroralocus.atproto.lexicon.LexInteger;
import org.auroralocus.atproto.lexicon.LexObject;
import org.auroralocus.atproto.lexicon.LexRecord;
import org.auroralocus.atproto.lexicon.LexRef;
import org.auroralocus.atproto.lexicon.LexString;
import org.auroralocus.atproto.lexicon.LexUnion;
import org.auroralocus.atproto.lexicon.LexiconDoc;
import org.auroralocus.atproto.lexicon.StringFormat;
import org.auroralocus.atproto.syntax.Nsid;

/**
 * The vocabulary the definitions here are written in, named after the lexicon's own words so that
 * a definition reads like its JSON: {@code record(TID, object().required("createdAt", datetime()))}.
 */
final class Schemas {
    private Schemas() {}

    /** A document: its NSID and its definitions, each made with {@link #def}. */
    @SafeVarargs
    static LexiconDoc doc(String nsid, Map.Entry<String, LexDef>... defs) {
        SequencedMap<String, LexDef> byName = new LinkedHashMap<>();
        for (Map.Entry<String, LexDef> d : defs) byName.put(d.getKey(), d.getValue());
        return new LexiconDoc(Nsid.parse(nsid), OptionalLong.empty(), byName);
    }

    static Map.Entry<String, LexDef> def(String name, LexDef def) {
        return Map.entry(name, def);
    }

    static Map.Entry<String, LexDef> main(LexDef def) {
        return def("main", def);
    }

    static LexRecord record(KeyRule key, LexObject schema) {
        return new LexRecord(key, schema);
    }

    static LexObject object() {
        return LexObject.empty();
    }

    static LexString string() {
        return LexString.plain();
    }

    static LexString string(StringFormat format) {
        return LexString.plain().format(format);
    }

    static LexInteger integer() {
        return LexInteger.plain();
    }

    static LexBoolean bool() {
        return LexBoolean.plain();
    }

    static LexBytes bytes() {
        return LexBytes.plain();
    }

    static LexBlob blob(String... accept) {
        return LexBlob.plain().accept(accept);
    }

    static LexArray array(LexField items) {
        return LexArray.of(items);
    }

    static LexRef ref(String ref) {
        return new LexRef(ref);
    }

    static LexUnion union(String... refs) {
        return LexUnion.open(refs);
    }

    /** {@code com.atproto.repo.strongRef}: a record by URI and CID, the usual way records point at others. */
    static LexRef strongRef() {
        return ref("com.atproto.repo.strongRef");
    }

    /** The self-labels union that most records carry under {@code labels}. */
    static LexUnion selfLabels() {
        return union("com.atproto.label.defs#selfLabels");
    }

    /** Profile, list and feed avatars: PNG or JPEG up to 1 MB. */
    static LexBlob avatarImage() {
        return blob("image/png", "image/jpeg").maxSize(1_000_000);
    }
}
