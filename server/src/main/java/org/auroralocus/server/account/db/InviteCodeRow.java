package org.auroralocus.server.account.db;

import java.time.Instant;

/**
 * A row of {@code invite_code}.
 *
 * @param forAccount the DID the code was made for, or {@code admin}
 * @param createdBy  the DID that made it, or {@code admin}
 */
public record InviteCodeRow(String code, int availableUses, boolean disabled, String forAccount, String createdBy,
                            Instant createdAt) {}
