package org.auroralocus.server.repo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.auroralocus.atproto.cbor.BlobRef;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DagCborException;
import org.auroralocus.atproto.cbor.DataJson;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.lexicon.InvalidRecordException;
import org.auroralocus.atproto.lexicon.LexiconRegistry;
import org.auroralocus.atproto.lexicon.ValuePath;
import org.auroralocus.atproto.repo.RecordPath;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.auroralocus.atproto.syntax.TidClock;

/**
 * The checks of a write that need no storage, done before the repository's transaction so that its
 * single writer spends no time on them. As the official PDS (packages/pds/src/repo/prepare.ts): a
 * missing {@code $type} is set to the collection (the CID covers it) and a different one refused;
 * the record types this server knows are validated, key rule included, unless validation is off;
 * legacy blob references ({@code {cid, mimeType}}) are refused in new records.
 */
final class WritePreparer {
    private final LexiconRegistry lexicons;
    private final TidClock rkeys;

    WritePreparer(LexiconRegistry lexicons, TidClock rkeys) {
        this.lexicons = lexicons;
        this.rkeys = rkeys;
    }

    /** @param roots where write {@code i}'s record sits in the request, for validation messages */
    List<PreparedWrite> prepare(Did did, List<RepoWrite> writes, Validation validation, IntFunction<ValuePath> roots) {
        List<PreparedWrite> prepared = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) prepared.add(prepare(did, writes.get(i), validation, roots.apply(i)));
        return prepared;
    }

    private PreparedWrite prepare(Did did, RepoWrite write, Validation validation, ValuePath root) {
        return switch (write) {
            case RepoWrite.Create c -> new PreparedWrite.Create(
                    record(did, c.collection(), c.rkey().orElseGet(() -> RecordKey.of(rkeys.next())), c.record(), validation, root));
            case RepoWrite.Update u -> new PreparedWrite.Update(record(did, u.collection(), u.rkey(), u.record(), validation, root));
            case RepoWrite.Put p -> new PreparedWrite.Put(record(did, p.collection(), p.rkey(), p.record(), validation, root), p.swapRecord());
            case RepoWrite.Delete d -> new PreparedWrite.Delete(AtUri.of(did, d.collection(), d.rkey()),
                    new RecordPath(d.collection(), d.rkey()), d.swapRecord(), d.ignoreMissing());
        };
    }

    private PreparedWrite.NewRecord record(Did did, Nsid collection, RecordKey rkey, DataValue.MapValue given,
                                           Validation validation, ValuePath root) {
        DataValue.MapValue value = typed(collection, given);
        Optional<ValidationStatus> status = validate(collection, rkey, value, validation, root);
        List<BlobRef> blobs;
        Block block;
        try {
            refuseLegacyBlobs(value);
            blobs = BlobRef.findAll(value);
            block = DagCbor.block(value);
        } catch (DagCborException e) {
            throw RepoWriteException.invalid("Invalid record: " + e.getMessage());
        }
        return new PreparedWrite.NewRecord(AtUri.of(did, collection, rkey), new RecordPath(collection, rkey), value, block,
                blobs, status);
    }

    private static DataValue.MapValue typed(Nsid collection, DataValue.MapValue record) {
        Optional<DataValue> type = record.get("$type");
        if (type.isEmpty()) return record.with("$type", DataValue.of(collection.toString()));
        if (type.get() instanceof DataValue.TextValue text && text.value().equals(collection.toString())) return record;
        String got = type.get() instanceof DataValue.TextValue text ? text.value() : DataJson.toJson(type.get());
        throw RepoWriteException.invalid("Invalid $type: expected " + collection + ", got " + got);
    }

    private Optional<ValidationStatus> validate(Nsid collection, RecordKey rkey, DataValue.MapValue value,
                                                Validation validation, ValuePath root) {
        if (validation == Validation.OFF) return Optional.empty();
        if (lexicons.recordType(collection).isEmpty()) {
            if (validation == Validation.REQUIRED) throw RepoWriteException.invalid("Unknown lexicon type: " + collection);
            return Optional.of(ValidationStatus.UNKNOWN);
        }
        try {
            lexicons.validateRecord(collection, rkey, value, root);
        } catch (InvalidRecordException e) {
            throw RepoWriteException.invalid(e.getMessage());
        }
        return Optional.of(ValidationStatus.VALID);
    }

    /**
     * The pre-2023 blob form, a map of exactly a CID string and a MIME type. Readers must still
     * accept it in old records; new records may not use it, as in the official PDS.
     */
    private static void refuseLegacyBlobs(DataValue value) {
        switch (value) {
            case DataValue.ListValue list -> list.items().forEach(WritePreparer::refuseLegacyBlobs);
            case DataValue.MapValue map -> {
                if (map.entries().size() == 2 && map.entries().get("cid") instanceof DataValue.TextValue cid
                        && map.entries().get("mimeType") instanceof DataValue.TextValue mime && !mime.value().isEmpty()
                        && isCid(cid.value())) {
                    throw RepoWriteException.invalid("Legacy blobs are not allowed (" + cid.value() + ")");
                }
                map.entries().values().forEach(WritePreparer::refuseLegacyBlobs);
            }
            case DataValue.NullValue _, DataValue.BoolValue _, DataValue.IntValue _, DataValue.TextValue _,
                 DataValue.BytesValue _, DataValue.LinkValue _ -> { }
        }
    }

    private static boolean isCid(String text) {
        try {
            Cid.parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
