package org.auroralocus.server.xrpc.com.atproto.admin;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Datetime;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.admin.AccountInfo;
import org.auroralocus.server.admin.AdminException;
import org.auroralocus.server.admin.InviteCode;
import org.auroralocus.server.mail.MailException;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * The lexicons' shapes of accounts and invite codes, and the errors of refused administrative
 * actions; shared by the admin methods and the com.atproto.server invite methods.
 */
public final class AdminViews {
    private AdminViews() {}

    /** {@code com.atproto.admin.defs#accountView}. */
    record AccountView(Did did, Handle handle, Optional<String> email, Datetime indexedAt,
                       Optional<InviteCodeView> invitedBy, List<InviteCodeView> invites, boolean invitesDisabled,
                       Optional<Datetime> emailConfirmedAt, Optional<Datetime> deactivatedAt) {}

    /** {@code com.atproto.server.defs#inviteCode}. */
    public record InviteCodeView(String code, int available, boolean disabled, String forAccount, String createdBy,
                                 Datetime createdAt, List<InviteCodeUse> uses) {}

    /** {@code com.atproto.server.defs#inviteCodeUse}. */
    public record InviteCodeUse(Did usedBy, Datetime usedAt) {}

    static AccountView account(AccountInfo info) {
        var a = info.account();
        return new AccountView(a.did(), a.handle(), a.email(), Datetime.of(a.createdAt()),
                info.invitedBy().map(AdminViews::invite), info.invites().stream().map(AdminViews::invite).toList(),
                info.invitesDisabled(), a.emailConfirmedAt().map(Datetime::of), a.deactivatedAt().map(Datetime::of));
    }

    public static InviteCodeView invite(InviteCode code) {
        return new InviteCodeView(code.code(), code.available(), code.disabled(), code.forAccount(), code.createdBy(),
                Datetime.of(code.createdAt()),
                code.uses().stream().map(u -> new InviteCodeUse(u.usedBy(), Datetime.of(u.usedAt()))).toList());
    }

    /** The strings of an optional JSON array of strings, checked; empty when absent. */
    static List<String> strings(Optional<DataValue.ListValue> list, String name) {
        return list.map(l -> l.items().stream().map(item -> item instanceof DataValue.TextValue t ? t.value() : null)
                .peek(s -> {
                    if (s == null) throw XrpcException.invalidRequest("Expected string value type at $." + name);
                }).toList()).orElse(List.of());
    }

    /** Runs an administrative action, answering its refusals with the lexicons' errors. */
    public static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (AdminException e) {
            throw switch (e.problem()) {
                case NOT_FOUND, INVALID, EMAIL_NOT_AVAILABLE -> XrpcException.invalidRequest(e.getMessage());
                case HANDLE_NOT_AVAILABLE -> XrpcException.invalidRequest("HandleNotAvailable", e.getMessage());
                case INVALID_INVITE_CODE -> XrpcException.invalidRequest("InvalidInviteCode", e.getMessage());
            };
        } catch (MailException e) {
            throw new XrpcException(502, "UpstreamFailure", "Could not send the email; try again later");
        }
    }

    /** {@link #call} for an action without a result. */
    public static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }
}
