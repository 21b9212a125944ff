package org.auroralocus.server.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.AppPasswordGrant;
import org.auroralocus.server.account.db.AppPasswordRow;
import org.auroralocus.server.account.db.AppPasswordTable;
import org.auroralocus.server.account.db.RefreshTokenRow;
import org.auroralocus.server.account.db.RefreshTokenTable;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.xrpc.Caller;

/**
 * Opens, rotates and ends sessions. Each session is an access token (stateless) and a refresh
 * token stored by its id. Refreshing consumes the refresh token and issues a new pair; for
 * {@link #REFRESH_GRACE} afterwards the consumed token still works and yields a refresh token with
 * the same id as the first rotation, so two racing refreshes of one client end in one session.
 */
public final class SessionService {
    /**
     * How long a consumed refresh token may be used again. The official PDS allows 2 hours; a
     * stolen token is usable for that long, and racing refreshes need only moments.
     */
    public static final Duration REFRESH_GRACE = Duration.ofMinutes(2);

    private final Database db;
    private final SessionJwts jwts;
    private final Clock clock;
    private final SecureRandom random;

    public SessionService(Database accountDb, SessionJwts jwts, Clock clock, SecureRandom random) {
        this.db = accountDb;
        this.jwts = jwts;
        this.clock = clock;
        this.random = random;
    }

    /**
     * A new session for {@code did}, opened with {@code appPassword} if given. A session of a
     * taken-down account ({@code takendown}, from createSession's {@code allowTakendown}) gets the
     * narrow takendown scope and a refresh token that is not stored, so it can never be refreshed.
     */
    public SessionTokens create(Did did, Optional<AppPasswordGrant> appPassword, boolean takendown) {
        Instant now = clock.instant();
        String tokenId = newTokenId();
        Caller.Scope scope = takendown ? Caller.Scope.TAKENDOWN : scopeOf(appPassword);
        if (!takendown) {
            RefreshTokenRow row = new RefreshTokenRow(tokenId, did, appPassword.map(AppPasswordGrant::name),
                    refreshExpiry(now), Optional.empty());
            db.write(s -> {
                RefreshTokenTable.deleteExpired(s, did, now);
                RefreshTokenTable.insertIfAbsent(s, row);
                return null;
            });
        }
        return new SessionTokens(jwts.access(did, scope, now), jwts.refresh(did, tokenId, now), scope);
    }

    /**
     * Consumes the refresh token {@code tokenId} and returns the session's next tokens; empty when
     * the token was revoked, or consumed longer than {@link #REFRESH_GRACE} ago.
     */
    public Optional<SessionTokens> rotate(String tokenId) {
        Instant now = clock.instant();
        String freshId = newTokenId();
        Optional<Rotation> rotation = db.write(s -> {
            Optional<RefreshTokenRow> found = RefreshTokenTable.find(s, tokenId);
            if (found.isEmpty()) return Optional.<Rotation>empty();
            RefreshTokenRow token = found.get();
            RefreshTokenTable.deleteExpired(s, token.did(), now);
            Instant graceEnd = now.plus(REFRESH_GRACE);
            Instant expiresAt = graceEnd.isBefore(token.expiresAt()) ? graceEnd : token.expiresAt();
            if (!expiresAt.isAfter(now)) return Optional.<Rotation>empty();
            // every use of a consumed token leads to the same next token
            String nextId = token.nextId().orElse(freshId);
            Optional<AppPasswordGrant> appPassword = Optional.empty();
            if (token.appPasswordName().isPresent()) {
                Optional<AppPasswordRow> row = AppPasswordTable.find(s, token.did(), token.appPasswordName().get());
                // revoking an app password deletes its tokens too; a token without one is no session
                if (row.isEmpty()) return Optional.<Rotation>empty();
                appPassword = Optional.of(new AppPasswordGrant(row.get().name(), row.get().privileged()));
            }
            RefreshTokenTable.markRotated(s, tokenId, expiresAt, nextId);
            RefreshTokenTable.insertIfAbsent(s, new RefreshTokenRow(nextId, token.did(), token.appPasswordName(),
                    refreshExpiry(now), Optional.empty()));
            return Optional.of(new Rotation(token.did(), nextId, appPassword));
        });
        return rotation.map(r -> {
            Caller.Scope scope = scopeOf(r.appPassword());
            return new SessionTokens(jwts.access(r.did(), scope, now), jwts.refresh(r.did(), r.nextId(), now), scope);
        });
    }

    /** Ends the session of refresh token {@code tokenId} at once (deleteSession); unknown ids are ignored. */
    public void revoke(String tokenId) {
        db.write(s -> RefreshTokenTable.delete(s, tokenId));
    }

    private record Rotation(Did did, String nextId, Optional<AppPasswordGrant> appPassword) {}

    private static Caller.Scope scopeOf(Optional<AppPasswordGrant> appPassword) {
        if (appPassword.isEmpty()) return Caller.Scope.ACCESS;
        return appPassword.get().privileged() ? Caller.Scope.APP_PASS_PRIVILEGED : Caller.Scope.APP_PASS;
    }

    /** The stored expiry matches the JWT's, which counts in whole seconds. */
    private static Instant refreshExpiry(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).plus(SessionJwts.REFRESH_LIFETIME);
    }

    /** 256 random bits, as the official PDS's token ids (in unpadded base64url). */
    private String newTokenId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
