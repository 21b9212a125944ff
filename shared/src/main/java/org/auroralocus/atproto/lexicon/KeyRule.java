package org.auroralocus.atproto.lexicon;

import java.util.Objects;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.auroralocus.atproto.syntax.Tid;

/**
 * Which record keys a record type allows (the {@code key} of a record definition,
 * https://atproto.com/specs/record-key#record-key-type): {@code any}, {@code tid}, {@code nsid}
 * or {@code literal:<value>}.
 */
public sealed interface KeyRule {

    KeyRule ANY = new AnyKey();
    KeyRule TID = new TidKey();
    KeyRule NSID = new NsidKey();
    /** {@code literal:self}, the rule of one-per-account records such as profiles. */
    KeyRule SELF = new LiteralKey(RecordKey.parse("self"));

    /** Any valid record key. */
    record AnyKey() implements KeyRule {}

    /** A TID, the key of records that are created many times. */
    record TidKey() implements KeyRule {}

    /** An NSID, e.g. the key of {@code com.atproto.lexicon.schema} records. */
    record NsidKey() implements KeyRule {}

    /** Exactly one key. */
    record LiteralKey(RecordKey value) implements KeyRule {
        public LiteralKey {
            Objects.requireNonNull(value);
        }
    }

    /** Reads the lexicon form ({@code tid}, {@code literal:self}, ...). */
    static KeyRule parse(String text) {
        return switch (text) {
            case "any" -> ANY;
            case "tid" -> TID;
            case "nsid" -> NSID;
            default -> {
                String literal = text.startsWith("literal:") ? text.substring("literal:".length()) : "";
                if (!RecordKey.isValid(literal)) {
                    throw new InvalidLexiconException(
                            "Invalid record key definition (must be \"any\", \"nsid\", \"tid\", or \"literal:<string>\"): " + text);
                }
                yield new LiteralKey(RecordKey.parse(literal));
            }
        };
    }

    static KeyRule literal(String value) {
        return new LiteralKey(RecordKey.parse(value));
    }

    /** Whether this rule allows {@code rkey} (which holds a valid record key already). */
    default boolean allows(RecordKey rkey) {
        return switch (this) {
            case AnyKey a -> true;
            case TidKey t -> Tid.isValid(rkey.value());
            case NsidKey n -> Nsid.isValid(rkey.value());
            case LiteralKey l -> l.value().equals(rkey);
        };
    }

    /** The lexicon form, e.g. {@code literal:self}. */
    default String lexiconForm() {
        return switch (this) {
            case AnyKey a -> "any";
            case TidKey t -> "tid";
            case NsidKey n -> "nsid";
            case LiteralKey l -> "literal:" + l.value();
        };
    }
}
