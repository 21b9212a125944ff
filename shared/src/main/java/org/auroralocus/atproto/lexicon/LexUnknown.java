package org.auroralocus.atproto.lexicon;

/**
 * Any data object (https://atproto.com/specs/lexicon#unknown): a map, never a scalar, bytes, a
 * link or a blob. Its contents are not checked beyond being data-model values.
 */
public record LexUnknown() implements LexField {}
