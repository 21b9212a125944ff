package org.auroralocus.atproto.lexicon;

/**
 * Which record keys a record type allows (the {@code key} of a record definition,
 * https://atproto.com/specs/record-key#record-key-type): {@code any}, {@code tid}, {@code nsid}
 * or {@code literal:<value>}.
 */
public sealed interface KeyRule {

    KeyRule ANY = new Any();
    KeyRule TID = new Tid();
    KeyRule NSID = new Nsid();
    /** {@code literal:self}, the rule of one-per-account records such as profiles. */
    KeyRule SELF = new Literal("self");

    /** Any valid record key. */
    record Any() implements KeyRule {}

    /** A TID, the usual key of records that are created many times. */
    record Tid() implements KeyRule {}

    /** An NSID, e.g. the key of {@code com.atproto.lexicon.schema} records. */
    record Nsid() implements KeyRule {}

    /** Exactly one key. */
    record Literal(String value) implements KeyRule {
        public Literal {
            if (!StringFormat.RECORD_KEY.matches(value)) {
                throw new InvalidLexiconException("record key literal is not a valid record key: " + value);
            }
        }
    }

    /** Reads the lexicon form ({@code tid}, {@code literal:self}, ...). */
    static KeyRule parse(String text) {
        return switch (text) {
            case "any" -> ANY;
            case "tid" -> TID;
            case "nsid" -> NSID;
            default -> {
                if (!text.startsWith("literal:") || text.length() == "literal:".length()) {
                    throw new InvalidLexiconException(
                            "Invalid record key definition (must be \"any\", \"nsid\", \"tid\", or \"literal:<string>\"): " + text);
                }
                yield new Literal(text.substring("literal:".length()));
            }
        };
    }

    static KeyRule literal(String value) {
        return new Literal(value);
    }

    /** Whether this rule allows {@code rkey}. */
    default boolean allows(String rkey) {
        return switch (this) {
            case Any a -> StringFormat.RECORD_KEY.matches(rkey);
            case Tid t -> StringFormat.TID.matches(rkey);
            case Nsid n -> StringFormat.NSID.matches(rkey);
            case Literal l -> l.value().equals(rkey);
        };
    }

    /** The lexicon form, e.g. {@code literal:self}. */
    default String lexiconForm() {
        return switch (this) {
            case Any a -> "any";
            case Tid t -> "tid";
            case Nsid n -> "nsid";
            case Literal l -> "literal:" + l.value();
        };
    }
}
