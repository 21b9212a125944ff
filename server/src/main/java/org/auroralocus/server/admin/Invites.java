package org.auroralocus.server.admin;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.multibase.Base32;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.db.AccountTable;
import org.auroralocus.server.account.db.InviteCodeRow;
import org.auroralocus.server.account.db.InviteCodeTable;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.SqlSession;

/**
 * Invite codes made by the administrator, in the official PDS's format: the hostname with its dots
 * as dashes (so that a code does not read as a link), then two groups of five base32 characters,
 * {@code pds-example-com-abcde-23456}. Sign-ups use them up through {@code AccountService}.
 */
final class Invites {
    /** Codes made by the administrator, or for nobody in particular, name this instead of a DID. */
    static final String ADMIN = "admin";
    private static final int HALF = 5;

    private final Database accountDb;
    private final String prefix;
    private final Clock clock;
    private final SecureRandom random;

    Invites(Database accountDb, String hostname, Clock clock, SecureRandom random) {
        this.accountDb = accountDb;
        this.prefix = hostname.replace('.', '-') + "-";
        this.clock = clock;
        this.random = random;
    }

    /** {@code codeCount} new codes of {@code useCount} uses each, made by the administrator. */
    List<InviteCode> create(int codeCount, int useCount, Optional<Did> forAccount) {
        if (codeCount < 1) throw new AdminException(AdminException.Problem.INVALID, "At least one code must be made");
        if (useCount < 1) throw new AdminException(AdminException.Problem.INVALID, "A code must allow at least one use");
        String owner = forAccount.map(Did::toString).orElse(ADMIN);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<InviteCodeRow> rows = new ArrayList<>(codeCount);
        for (int i = 0; i < codeCount; i++) rows.add(new InviteCodeRow(newCode(), useCount, false, owner, ADMIN, now));
        accountDb.write(s -> {
            for (InviteCodeRow row : rows) InviteCodeTable.insert(s, row);
            return null;
        });
        return rows.stream().map(row -> toInviteCode(row, List.of())).toList();
    }

    /**
     * A page of every code, newest first. The cursor is the official one: the last code's creation
     * time in milliseconds and the code, joined by {@code ::}.
     */
    InvitePage page(Optional<String> cursor, int limit) {
        if (limit < 1) throw new AdminException(AdminException.Problem.INVALID, "The page size must be positive");
        Optional<InviteCodeRow> after = cursor.map(Invites::parseCursor);
        return accountDb.read(s -> {
            List<InviteCode> codes = new ArrayList<>();
            for (InviteCodeRow row : InviteCodeTable.recent(s, after, limit)) codes.add(withUses(s, row));
            Optional<String> next = codes.size() < limit ? Optional.empty()
                    : Optional.of(codes.getLast().createdAt().toEpochMilli() + "::" + codes.getLast().code());
            return new InvitePage(codes, next);
        });
    }

    /** The codes made for the account. */
    List<InviteCode> forAccount(Did did) {
        return accountDb.read(s -> {
            List<InviteCode> codes = new ArrayList<>();
            for (InviteCodeRow row : InviteCodeTable.forAccount(s, did.toString())) codes.add(withUses(s, row));
            return codes;
        });
    }

    /** The code the account signed up with. */
    Optional<InviteCode> usedBy(Did did) {
        return accountDb.read(s -> {
            Optional<InviteCodeRow> row = InviteCodeTable.usedBy(s, did);
            return row.isPresent() ? Optional.of(withUses(s, row.get())) : Optional.empty();
        });
    }

    /** Disables these codes, and every code made for these accounts. Unknown codes are skipped. */
    void disable(List<String> codes, List<Did> accounts) {
        accountDb.write(s -> {
            for (String code : codes) InviteCodeTable.disable(s, code);
            for (Did account : accounts) InviteCodeTable.disableForAccount(s, account.toString());
            return null;
        });
    }

    boolean accountInvitesDisabled(Did did) {
        return accountDb.read(s -> AccountTable.invitesDisabled(s, did));
    }

    /** @return false when there is no such account */
    boolean setAccountInvitesDisabled(Did did, boolean disabled) {
        return accountDb.write(s -> AccountTable.updateInvitesDisabled(s, did, disabled));
    }

    private String newCode() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        String chars = Base32.encode(bytes).substring(0, 2 * HALF);
        return prefix + chars.substring(0, HALF) + "-" + chars.substring(HALF);
    }

    private static InviteCode withUses(SqlSession s, InviteCodeRow row) throws SQLException {
        List<InviteUse> uses = InviteCodeTable.uses(s, row.code()).stream()
                .map(u -> new InviteUse(u.usedBy(), u.usedAt())).toList();
        return toInviteCode(row, uses);
    }

    private static InviteCode toInviteCode(InviteCodeRow row, List<InviteUse> uses) {
        return new InviteCode(row.code(), row.availableUses(), row.disabled(), row.forAccount(), row.createdBy(),
                row.createdAt(), uses);
    }

    /** Only the cursor's position matters: a row with its time and code, whose other columns are unused. */
    private static InviteCodeRow parseCursor(String cursor) {
        int split = cursor.indexOf("::");
        try {
            if (split < 0) throw new NumberFormatException();
            Instant at = Instant.ofEpochMilli(Long.parseLong(cursor.substring(0, split)));
            return new InviteCodeRow(cursor.substring(split + 2), 0, false, ADMIN, ADMIN, at);
        } catch (NumberFormatException e) {
            throw new AdminException(AdminException.Problem.INVALID, "Malformed cursor");
        }
    }
}
