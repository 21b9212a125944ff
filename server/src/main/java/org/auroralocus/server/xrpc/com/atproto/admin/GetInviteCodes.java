package org.auroralocus.server.xrpc.com.atproto.admin;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.admin.InvitePage;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.DefaultValue;
import org.auroralocus.server.xrpc.IntRange;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;

/** com.atproto.admin.getInviteCodes: every invite code with its uses, newest first. */
public final class GetInviteCodes implements XrpcQuery<GetInviteCodes.Params, GetInviteCodes.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.admin.getInviteCodes");

    record Params(@DefaultValue("recent") String sort, @IntRange(min = 1, max = 500) @DefaultValue("100") int limit,
                  Optional<String> cursor) {}

    record Output(Optional<String> cursor, List<AdminViews.InviteCodeView> codes) {}

    private final AdminService admin;

    public GetInviteCodes(AdminService admin) {
        this.admin = admin;
    }

    /** Only the {@code recent} order is served; the official's {@code usage} order is refused plainly. */
    @Override public Output handle(Params p, Caller caller) {
        if (!p.sort().equals("recent")) throw XrpcException.invalidRequest("unknown sort method: " + p.sort());
        InvitePage page = AdminViews.call(() -> admin.inviteCodes(p.cursor(), p.limit()));
        return new Output(page.cursor(), page.codes().stream().map(AdminViews::invite).toList());
    }
}
