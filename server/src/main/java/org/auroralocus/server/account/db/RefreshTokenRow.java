package org.auroralocus.server.account.db;

import java.time.Instant;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;

/**
 * A row of {@code refresh_token}.
 *
 * @param id              the token's {@code jti}
 * @param appPasswordName the app password the session was opened with, if any
 * @param nextId          once the token was used, the id of the token that replaced it
 */
public record RefreshTokenRow(String id, Did did, Optional<String> appPasswordName, Instant expiresAt,
                              Optional<String> nextId) {}
