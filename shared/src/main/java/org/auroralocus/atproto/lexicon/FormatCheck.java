package org.auroralocus.atproto.lexicon;

/**
 * The one seam between lexicon string formats and the identifier rules that decide them. The rules
 * live in the {@code syntax} package (one copy for the whole project); this interface keeps the
 * lexicon code from knowing which class decides which format.
 */
interface FormatCheck {

    boolean matches(StringFormat format, String value);

    /** The production check: the {@code syntax} package's parsers. */
    FormatCheck SYNTAX = new SyntaxFormatCheck();
}
