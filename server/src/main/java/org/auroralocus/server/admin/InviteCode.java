package org.auroralocus.server.admin;

import java.time.Instant;
import java.util.List;

/**
 * An invite code with its uses ({@code com.atproto.server.defs#inviteCode}).
 *
 * @param available  how many sign-ups it allows in all
 * @param forAccount the DID it was made for, or {@code admin}
 * @param createdBy  the DID that made it, or {@code admin}
 * @param uses       newest first
 */
public record InviteCode(String code, int available, boolean disabled, String forAccount, String createdBy,
                         Instant createdAt, List<InviteUse> uses) {
    public InviteCode {
        uses = List.copyOf(uses);
    }

    /** Whether a sign-up may still use it. */
    public boolean usable() {
        return !disabled && uses.size() < available;
    }
}
