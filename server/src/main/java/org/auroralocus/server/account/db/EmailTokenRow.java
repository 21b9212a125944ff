package org.auroralocus.server.account.db;

import java.time.Instant;
import org.auroralocus.atproto.syntax.Did;

/** A row of {@code email_token}: the code as stored (upper-case) and when it was requested. */
public record EmailTokenRow(Did did, EmailTokenPurpose purpose, String token, Instant requestedAt) {}
