package org.auroralocus.atproto.lexicon;

import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.CidSyntax;
import org.auroralocus.atproto.syntax.Datetime;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.Language;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.atproto.syntax.UriSyntax;

/**
 * Decides string formats with the {@code syntax} package. Every format is the strict check, as the
 * official PDS validates writes in strict mode: an at-uri's record key must be valid, a datetime a
 * real instant, and a language tag free of repeated subtags ({@link Language#isValid}, not only
 * well-formed).
 */
final class SyntaxFormatCheck implements FormatCheck {

    @Override public boolean matches(StringFormat format, String value) {
        return switch (format) {
            case AT_IDENTIFIER -> AtIdentifier.isValid(value);
            case AT_URI -> AtUri.isValid(value);
            case CID -> CidSyntax.isValid(value);
            case DATETIME -> Datetime.isValid(value);
            case DID -> Did.isValid(value);
            case HANDLE -> Handle.isValid(value);
            case LANGUAGE -> Language.isValid(value);
            case NSID -> Nsid.isValid(value);
            case RECORD_KEY -> RecordKey.isValid(value);
            case TID -> Tid.isValid(value);
            case URI -> UriSyntax.isValid(value);
        };
    }
}
