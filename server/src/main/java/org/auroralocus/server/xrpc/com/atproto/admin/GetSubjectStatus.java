package org.auroralocus.server.xrpc.com.atproto.admin;

import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.admin.StatusAttr;
import org.auroralocus.server.admin.Subject;
import org.auroralocus.server.admin.SubjectStatus;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;

/**
 * com.atproto.admin.getSubjectStatus: the takedown (and for an account, the deactivation) of a blob
 * ({@code did} and {@code blob}), a record ({@code uri}) or an account ({@code did}), in that order
 * of precedence, with the official PDS's errors.
 */
public final class GetSubjectStatus implements XrpcQuery<GetSubjectStatus.Params, GetSubjectStatus.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.admin.getSubjectStatus");

    record Params(Optional<Did> did, Optional<AtUri> uri, Optional<Cid> blob) {}

    record Output(SubjectRef subject, Optional<StatusAttr> takedown, Optional<StatusAttr> deactivated) {}

    private final AdminService admin;

    public GetSubjectStatus(AdminService admin) {
        this.admin = admin;
    }

    @Override public Output handle(Params p, Caller caller) {
        Optional<SubjectStatus> status;
        if (p.blob().isPresent()) {
            Did did = p.did().orElseThrow(() -> XrpcException.invalidRequest("Must provide a did to request blob state"));
            status = admin.subjectStatus(new Subject.Blob(did, p.blob().get()));
        } else if (p.uri().isPresent()) {
            status = admin.recordStatus(p.uri().get());
        } else if (p.did().isPresent()) {
            status = admin.subjectStatus(new Subject.Account(p.did().get()));
        } else {
            throw XrpcException.invalidRequest("No provided subject");
        }
        SubjectStatus found = status.orElseThrow(() -> XrpcException.invalidRequest("NotFound", "Subject not found"));
        Optional<StatusAttr> deactivated = found.subject() instanceof Subject.Account
                ? Optional.of(new StatusAttr(found.deactivated(), Optional.empty())) : Optional.empty();
        return new Output(SubjectRef.of(found.subject()),
                Optional.of(new StatusAttr(found.takedownRef().isPresent(), found.takedownRef())), deactivated);
    }
}
