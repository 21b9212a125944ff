package org.auroralocus.server.account.db;

import java.time.Instant;
import java.util.Objects;
import org.auroralocus.atproto.syntax.Did;

/**
 * A row of {@code email_token}: the one outstanding code of an account for one purpose.
 *
 * @param purpose the official purpose string ({@code plc_operation}, {@code confirm_email}, ...)
 */
public record EmailTokenRow(String purpose, Did did, String token, Instant requestedAt) {
    public EmailTokenRow {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
