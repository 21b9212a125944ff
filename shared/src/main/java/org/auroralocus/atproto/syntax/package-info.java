/**
 * The atproto identifier syntaxes as validated value types: {@link org.auroralocus.atproto.syntax.Did},
 * {@link org.auroralocus.atproto.syntax.Handle}, {@link org.auroralocus.atproto.syntax.Nsid},
 * {@link org.auroralocus.atproto.syntax.Tid} (and the monotonic {@link org.auroralocus.atproto.syntax.TidClock}),
 * {@link org.auroralocus.atproto.syntax.RecordKey}, {@link org.auroralocus.atproto.syntax.AtUri},
 * {@link org.auroralocus.atproto.syntax.AtIdentifier}, {@link org.auroralocus.atproto.syntax.Datetime} and
 * {@link org.auroralocus.atproto.syntax.Language}, plus string-only checks for the lexicon {@code cid} and
 * {@code uri} formats.
 *
 * <p>Holding one of these values means the string passed the checks of its spec
 * (https://atproto.com/specs/did, /handle, /nsid, /tid, /record-key, /at-uri-scheme, /lexicon); {@code parse}
 * is the entry point for untrusted input and throws {@link org.auroralocus.atproto.syntax.SyntaxException}.
 * Where the interop vectors and the spec prose disagree, the vectors win and the class says so.
 *
 * <p>Not here: anything that needs the network (resolving a handle or DID is {@code identity}'s job) or a
 * registry (whether a TLD exists, whether a language subtag is registered). These checks run on every request,
 * so they are hand-written scanners over {@code char}s, with no regular expressions.
 */
package org.auroralocus.atproto.syntax;
