package org.auroralocus.server.xrpc.com.atproto.identity;

import org.auroralocus.atproto.cbor.DataJson;
import org.auroralocus.atproto.cbor.DataJsonException;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.identity.DidDocument;
import org.auroralocus.atproto.identity.Identity;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.identity.IdentityLookupException;
import org.auroralocus.server.xrpc.XrpcException;

/** What resolveDid, resolveIdentity and refreshIdentity share: the answer's shape and the lexicons' error names. */
final class IdentityAnswers {
    /** {@code com.atproto.identity.defs#identityInfo}. */
    record IdentityInfo(Did did, Handle handle, DataValue didDoc) {}

    private IdentityAnswers() {}

    static IdentityInfo info(Identity identity) {
        return new IdentityInfo(identity.did(), identity.handle(), didDoc(identity.document()));
    }

    /** The complete document as received, unknown fields included. */
    static DataValue didDoc(DidDocument document) {
        try {
            return DataJson.parse(document.json());
        } catch (DataJsonException e) {
            // JSON the data model cannot hold (a float, say): possible only in a did:web document
            throw XrpcException.invalidRequest("DID document of " + document.id() + " cannot be served: " + e.getMessage());
        }
    }

    static XrpcException error(IdentityLookupException e) {
        return switch (e.problem()) {
            case HANDLE_NOT_FOUND -> XrpcException.invalidRequest("HandleNotFound", e.getMessage());
            case DID_NOT_FOUND -> XrpcException.invalidRequest("DidNotFound", e.getMessage());
            case DID_DEACTIVATED -> XrpcException.invalidRequest("DidDeactivated", e.getMessage());
            case DID_UNUSABLE -> XrpcException.invalidRequest(e.getMessage());
            case DID_UNAVAILABLE -> new XrpcException(502, "UpstreamFailure", e.getMessage());
        };
    }
}
