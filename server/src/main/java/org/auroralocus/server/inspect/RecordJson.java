package org.auroralocus.server.inspect;

import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.AtUri;

/** A record of a repository, with its value as indented JSON (the atproto JSON form: {@code $link}, {@code $bytes}). */
public record RecordJson(AtUri uri, Cid cid, String json) {}
