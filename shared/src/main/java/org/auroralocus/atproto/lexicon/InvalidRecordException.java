package org.auroralocus.atproto.lexicon;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Nsid;

/**
 * A record that may not be written: unknown to a validation that was asked for, a record key its
 * type does not allow, or a value that does not match the schema. Messages are the official PDS's
 * ({@code Invalid app.bsky.feed.post record: Missing required key "text" at $.record}); the XRPC
 * layer answers them as {@code InvalidRequest}.
 */
public final class InvalidRecordException extends RuntimeException {
    private final transient LexiconValidationException detail;

    InvalidRecordException(String message, LexiconValidationException detail) {
        super(message, detail);
        this.detail = detail;
    }

    InvalidRecordException(String message) {
        super(message);
        this.detail = null;
    }

    static InvalidRecordException unknownType(Nsid collection) {
        return new InvalidRecordException("Unknown lexicon type: " + collection);
    }

    static InvalidRecordException badKey(Nsid collection, LexiconValidationException detail) {
        return new InvalidRecordException("Invalid record key for " + collection + ": " + detail.getMessage(), detail);
    }

    static InvalidRecordException badValue(Nsid collection, LexiconValidationException detail) {
        return new InvalidRecordException("Invalid " + collection + " record: " + detail.getMessage(), detail);
    }

    /** The schema mismatch behind this rejection, when there is one (not for an unknown type). */
    public Optional<LexiconValidationException> detail() {
        return Optional.ofNullable(detail);
    }
}
