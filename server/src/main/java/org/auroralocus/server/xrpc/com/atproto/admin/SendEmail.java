package org.auroralocus.server.xrpc.com.atproto.admin;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.admin.sendEmail: a plain-text message to an account holder's address. */
public final class SendEmail implements XrpcProcedure<SendEmail.Input, SendEmail.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.admin.sendEmail");

    record Input(Did recipientDid, String content, Optional<String> subject, Did senderDid, Optional<String> comment) {}

    record Output(boolean sent) {}

    private final AdminService admin;

    public SendEmail(AdminService admin) {
        this.admin = admin;
    }

    @Override public Output handle(Input input, Caller caller) {
        AdminViews.run(() -> admin.sendEmail(input.recipientDid(), input.subject().orElse(AdminService.DEFAULT_SUBJECT),
                input.content()));
        return new Output(true);
    }
}
