package org.auroralocus.server.xrpc.com.atproto.admin;

import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.admin.Subject;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * The union of moderation subjects, {@code com.atproto.admin.defs#repoRef}, {@code com.atproto.repo.strongRef}
 * and {@code com.atproto.admin.defs#repoBlobRef}, which {@code $type} names; the fields each needs are
 * checked by {@link #subject()}.
 */
record SubjectRef(String $type, Optional<Did> did, Optional<AtUri> uri, Optional<Cid> cid, Optional<AtUri> recordUri) {
    static final String REPO = "com.atproto.admin.defs#repoRef";
    static final String RECORD = "com.atproto.repo.strongRef";
    static final String BLOB = "com.atproto.admin.defs#repoBlobRef";

    static SubjectRef of(Subject subject) {
        return switch (subject) {
            case Subject.Account a -> new SubjectRef(REPO, Optional.of(a.did()), Optional.empty(), Optional.empty(), Optional.empty());
            case Subject.Record r -> new SubjectRef(RECORD, Optional.empty(), Optional.of(r.uri()), Optional.of(r.cid()), Optional.empty());
            case Subject.Blob b -> new SubjectRef(BLOB, Optional.of(b.did()), Optional.empty(), Optional.of(b.cid()), Optional.empty());
        };
    }

    Subject subject() {
        try {
            return switch ($type) {
                case REPO -> new Subject.Account(required(did, "did"));
                case RECORD -> new Subject.Record(required(uri, "uri"), required(cid, "cid"));
                case BLOB -> new Subject.Blob(required(did, "did"), required(cid, "cid"));
                default -> throw XrpcException.invalidRequest("Invalid subject (" + $type + ")");
            };
        } catch (IllegalArgumentException e) {
            throw XrpcException.invalidRequest(e.getMessage());
        }
    }

    private static <T> T required(Optional<T> value, String name) {
        return value.orElseThrow(() -> XrpcException.invalidRequest("Missing required key \"" + name + "\" at $.subject"));
    }
}
