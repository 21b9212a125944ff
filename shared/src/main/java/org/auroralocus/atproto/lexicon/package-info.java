/**
 * Lexicon schemas (https://atproto.com/specs/lexicon): an immutable model of lexicon documents
 * ({@link org.auroralocus.atproto.lexicon.LexiconDoc} and the sealed {@code Lex*} definition types),
 * a parser that reads and checks lexicon JSON ({@link org.auroralocus.atproto.lexicon.LexiconParser}),
 * and a {@link org.auroralocus.atproto.lexicon.LexiconRegistry} that resolves references across
 * documents and validates data-model values ({@link org.auroralocus.atproto.cbor.DataValue}) against them.
 *
 * <p>Validation follows the official PDS (the {@code @atproto/lex-schema} package it validates
 * writes with): the first problem wins, and its message has the official shape, a description
 * followed by the JSON path of the offending value ({@code Invalid datetime (got "x") at
 * $.record.createdAt}).
 *
 * <p>Not here: the project's own record definitions (sub-package {@code schema}), XRPC parameter
 * binding (the server), and the identifier syntax rules (package {@code syntax}, which the string
 * formats delegate to).
 */
package org.auroralocus.atproto.lexicon;
