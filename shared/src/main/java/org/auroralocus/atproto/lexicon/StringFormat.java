package org.auroralocus.atproto.lexicon;

import java.util.Optional;

/**
 * The {@code format} of a lexicon string (https://atproto.com/specs/lexicon#string-formats).
 * Each format is checked by the identifier rules of the {@code syntax} package, never by a
 * second copy of them here.
 */
public enum StringFormat {
    AT_IDENTIFIER("at-identifier", "AT identifier"),
    AT_URI("at-uri", "at-uri"),
    CID("cid", "CID string"),
    DATETIME("datetime", "datetime"),
    DID("did", "DID"),
    HANDLE("handle", "handle"),
    LANGUAGE("language", "language"),
    NSID("nsid", "NSID"),
    RECORD_KEY("record-key", "record key"),
    TID("tid", "TID string"),
    URI("uri", "uri");

    private final String lexiconName;
    private final String description;

    StringFormat(String lexiconName, String description) {
        this.lexiconName = lexiconName;
        this.description = description;
    }

    /** The name used in lexicon documents, e.g. {@code at-uri}. */
    public String lexiconName() {
        return lexiconName;
    }

    /** How the official validator names the format in its messages ({@code Invalid DID (got ...)}). */
    String description() {
        return description;
    }

    public static Optional<StringFormat> fromLexiconName(String name) {
        for (StringFormat f : values()) {
            if (f.lexiconName.equals(name)) return Optional.of(f);
        }
        return Optional.empty();
    }

    /** Whether {@code value} is a valid string of this format. */
    public boolean matches(String value) {
        return FormatCheck.SYNTAX.matches(this, value);
    }

    @Override public String toString() {
        return lexiconName;
    }
}
