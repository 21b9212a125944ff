/**
 * The project's own definitions of the record types the official PDS validates on write
 * (REFERENCE-BEHAVIOUR.md, "Records the official PDS validates on write") and of every definition
 * they reference, written as Java with a small builder vocabulary ({@code Schemas}) rather than
 * read from JSON: the installed application ships without the official lexicon files.
 * {@link org.auroralocus.atproto.lexicon.schema.BuiltinLexicons#registry()} is the registry the
 * server validates records with.
 *
 * <p>One class per namespace ({@code AppBskyFeed} holds {@code app.bsky.feed.*}); a document holds
 * only the definitions some record needs. Descriptions and {@code knownValues} are left out: they
 * never decide whether a record is valid. A test compares every definition here with the official
 * document of the same NSID, so a difference in a property, type or constraint fails the build.
 */
package org.auroralocus.atproto.lexicon.schema;
