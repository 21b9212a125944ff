package org.auroralocus.server.xrpc;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Datetime;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.auroralocus.atproto.syntax.Tid;

/**
 * The protocol value types a parameter or input field may have, with their parsers and the name
 * used in error messages ({@code Invalid DID ...}).
 */
final class ValueParsers {
    record Parser(String label, Function<String, ?> parse) {}

    private static final Map<Class<?>, Parser> PARSERS = Map.of(
            Did.class, new Parser("DID", Did::parse),
            Handle.class, new Parser("handle", Handle::parse),
            AtIdentifier.class, new Parser("AT identifier", AtIdentifier::parse),
            Nsid.class, new Parser("NSID", Nsid::parse),
            RecordKey.class, new Parser("record key", RecordKey::parse),
            AtUri.class, new Parser("AT URI", AtUri::parse),
            Tid.class, new Parser("TID", Tid::parse),
            Datetime.class, new Parser("datetime", Datetime::parse),
            Cid.class, new Parser("CID string", Cid::parse));

    private ValueParsers() {}

    static Optional<Parser> forType(Class<?> type) {
        return Optional.ofNullable(PARSERS.get(type));
    }
}
