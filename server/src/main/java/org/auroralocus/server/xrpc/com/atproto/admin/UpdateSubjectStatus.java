package org.auroralocus.server.xrpc.com.atproto.admin;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.admin.StatusAttr;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcProcedure;

/**
 * com.atproto.admin.updateSubjectStatus: takes down (or restores) an account, a record or a blob, and
 * deactivates (or activates) an account. The answer echoes the subject and takedown, as the official.
 */
public final class UpdateSubjectStatus implements XrpcProcedure<UpdateSubjectStatus.Input, UpdateSubjectStatus.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.admin.updateSubjectStatus");

    record Input(SubjectRef subject, Optional<StatusAttr> takedown, Optional<StatusAttr> deactivated) {}

    record Output(SubjectRef subject, Optional<StatusAttr> takedown) {}

    private final AdminService admin;

    public UpdateSubjectStatus(AdminService admin) {
        this.admin = admin;
    }

    @Override public Output handle(Input input, Caller caller) {
        AdminViews.run(() -> admin.updateSubjectStatus(input.subject().subject(), input.takedown(), input.deactivated()));
        return new Output(input.subject(), input.takedown());
    }
}
