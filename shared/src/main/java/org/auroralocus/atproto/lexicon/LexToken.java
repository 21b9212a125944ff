package org.auroralocus.atproto.lexicon;

/**
 * A token (https://atproto.com/specs/lexicon#token): a named value with no data, referred to by
 * its full name ({@code nsid#name}) in strings.
 */
public record LexToken() implements LexDef {}
