package org.auroralocus.atproto.lexicon;

/** Decides string formats with the {@code syntax} package. */
final class SyntaxFormatCheck implements FormatCheck {

    @Override public boolean matches(StringFormat format, String value) {
        // TODO(syntax helper): the syntax package is being written concurrently; until it lands every
        // string is accepted here, and switching to its parsers is this method's only change.
        return switch (format) {
            case AT_IDENTIFIER, AT_URI, CID, DATETIME, DID, HANDLE, LANGUAGE, NSID, RECORD_KEY, TID, URI -> true;
        };
    }
}
