package org.auroralocus.atproto.lexicon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;

/**
 * A set of lexicon documents that refer to one another, and the validation of values against
 * them. Immutable and safe to share between threads. References are resolved when a value is
 * validated, as the official validator resolves them, so a registry may hold documents whose
 * references point outside it ({@link #unresolvedReferences()} lists them); validating through
 * such a reference fails with {@link InvalidLexiconException}.
 */
public final class LexiconRegistry {
    /** Where the official PDS roots record paths in its messages ({@code $.record.text}). */
    public static final ValuePath RECORD_ROOT = ValuePath.of("record");

    private final Map<String, LexiconDoc> documents;

    private LexiconRegistry(Map<String, LexiconDoc> documents) {
        this.documents = documents;
    }

    /** A registry of these documents; two documents with the same NSID are refused. */
    public static LexiconRegistry of(Collection<LexiconDoc> documents) {
        Map<String, LexiconDoc> byId = new LinkedHashMap<>();
        for (LexiconDoc doc : documents) {
            if (byId.putIfAbsent(doc.id().value(), doc) != null) throw new InvalidLexiconException(doc.id() + " has already been registered");
        }
        return new LexiconRegistry(Map.copyOf(byId));
    }

    public Collection<LexiconDoc> documents() {
        return documents.values();
    }

    public Optional<LexiconDoc> document(Nsid nsid) {
        return Optional.ofNullable(documents.get(nsid.value()));
    }

    /** The definition a reference names: {@code nsid#name}, or {@code nsid} for the main definition. */
    public Optional<LexDef> def(String ref) {
        if (ref.startsWith("#") || !DefName.isWellFormed(ref)) return Optional.empty();
        return lookup(DefName.resolve(ref, ref));
    }

    /** The record type {@code nsid}, if this registry defines it. */
    public Optional<LexRecord> recordType(Nsid nsid) {
        return document(nsid).flatMap(LexiconDoc::main).filter(LexRecord.class::isInstance).map(LexRecord.class::cast);
    }

    /** References (as {@code nsid#name}) that no document here defines, in document order. */
    public List<String> unresolvedReferences() {
        List<String> missing = new ArrayList<>();
        for (LexiconDoc doc : documents.values()) {
            for (DefName ref : References.of(doc)) {
                if (lookup(ref).isEmpty() && !missing.contains(ref.toString())) missing.add(ref.toString());
            }
        }
        return missing;
    }

    /** {@link #validateRecord(Nsid, RecordKey, DataValue, ValuePath)} for createRecord and putRecord ({@code $.record...}). */
    public void validateRecord(Nsid collection, RecordKey rkey, DataValue record) {
        validateRecord(collection, rkey, record, RECORD_ROOT);
    }

    /**
     * Checks a record before it is written, as the official PDS does: the record key against the
     * type's key rule, then the value against the schema, its path rooted at {@code root}
     * ({@code writes[i].value} for applyWrites).
     *
     * @throws InvalidRecordException if the type is unknown here, the key breaks the rule or the value the schema
     */
    public void validateRecord(Nsid collection, RecordKey rkey, DataValue record, ValuePath root) {
        LexRecord type = recordType(collection).orElseThrow(() -> InvalidRecordException.unknownType(collection));
        if (!type.key().allows(rkey)) {
            throw InvalidRecordException.badKey(collection, new LexiconValidationException(keyProblem(type.key(), rkey), ValuePath.root()));
        }
        try {
            new ValueValidator(this, root).record(DefName.main(collection), type, record);
        } catch (LexiconValidationException e) {
            throw InvalidRecordException.badValue(collection, e);
        }
    }

    /**
     * Checks a value against a definition ({@code nsid#name} or {@code nsid}); an object must not
     * carry a {@code $type} naming another type.
     *
     * @throws LexiconValidationException at the first problem, its path rooted at {@code root}
     * @throws IllegalArgumentException if no such definition is known
     */
    public void validate(String ref, DataValue value, ValuePath root) {
        Objects.requireNonNull(value);
        if (def(ref).isEmpty()) throw new IllegalArgumentException("no lexicon definition " + ref);
        new ValueValidator(this, root).definition(DefName.resolve(ref, ref), value);
    }

    Optional<LexDef> lookup(DefName name) {
        LexiconDoc doc = documents.get(name.nsid());
        return doc == null ? Optional.empty() : doc.def(name.name());
    }

    private static String keyProblem(KeyRule rule, RecordKey rkey) {
        return switch (rule) {
            case KeyRule.AnyKey a -> Issues.invalidFormat(StringFormat.RECORD_KEY, rkey.value());
            case KeyRule.TidKey t -> Issues.invalidFormat(StringFormat.TID, rkey.value());
            case KeyRule.NsidKey n -> Issues.invalidFormat(StringFormat.NSID, rkey.value());
            case KeyRule.LiteralKey l -> Issues.expectedValues(List.of(Issues.quote(l.value().value())), Issues.quote(rkey.value()));
        };
    }
}
