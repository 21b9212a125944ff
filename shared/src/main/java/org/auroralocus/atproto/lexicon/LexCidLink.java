package org.auroralocus.atproto.lexicon;

/** A link to other content by CID (https://atproto.com/specs/lexicon#cid-link). */
public record LexCidLink() implements LexDef, LexField {}
