package org.auroralocus.server.admin;

import java.util.List;
import java.util.Optional;
import org.auroralocus.server.account.Account;

/**
 * Everything an administrator sees of one account (com.atproto.admin.getAccountInfo).
 *
 * @param invites         the codes made for the account
 * @param invitedBy       the code it signed up with
 * @param invitesDisabled whether the administrator stopped it from getting codes
 */
public record AccountInfo(Account account, List<InviteCode> invites, Optional<InviteCode> invitedBy,
                          boolean invitesDisabled) {
    public AccountInfo {
        invites = List.copyOf(invites);
    }
}
