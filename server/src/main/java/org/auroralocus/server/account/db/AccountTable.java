package org.auroralocus.server.account.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.db.SqlSession;

/** The {@code account} table. */
public final class AccountTable {
    private static final String COLUMNS =
            "did, handle, email, password_hash, created_at, email_confirmed_at, deactivated_at, takedown_ref";

    private AccountTable() {}

    public static void insert(SqlSession s, AccountRow row) throws SQLException {
        PreparedStatement st = s.prepare("""
                INSERT INTO account (did, handle, email, password_hash, created_at, email_confirmed_at,
                                     deactivated_at, takedown_ref)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
        st.setString(1, row.did().value());
        st.setString(2, row.handle().value());
        SqlValues.set(st, 3, row.email());
        SqlValues.set(st, 4, row.passwordHash());
        st.setLong(5, row.createdAt().toEpochMilli());
        SqlValues.setInstant(st, 6, row.emailConfirmedAt());
        SqlValues.setInstant(st, 7, row.deactivatedAt());
        SqlValues.set(st, 8, row.takedownRef());
        st.executeUpdate();
    }

    public static Optional<AccountRow> byDid(SqlSession s, Did did) throws SQLException {
        return one(s, "SELECT " + COLUMNS + " FROM account WHERE did = ?", did.value());
    }

    /** {@code handle} must be normalized (lower-case), as stored. */
    public static Optional<AccountRow> byHandle(SqlSession s, Handle handle) throws SQLException {
        return one(s, "SELECT " + COLUMNS + " FROM account WHERE handle = ?", handle.value());
    }

    /** {@code email} must be lower-case, as stored. */
    public static Optional<AccountRow> byEmail(SqlSession s, String email) throws SQLException {
        return one(s, "SELECT " + COLUMNS + " FROM account WHERE email = ?", email);
    }

    /** Accounts in DID order, starting after {@code after}. */
    public static List<AccountRow> list(SqlSession s, Optional<Did> after, int limit) throws SQLException {
        PreparedStatement st = s.prepare("SELECT " + COLUMNS + " FROM account WHERE did > ? ORDER BY did LIMIT ?");
        st.setString(1, after.map(Did::value).orElse(""));
        st.setInt(2, limit);
        return SqlValues.all(st, AccountTable::read);
    }

    /**
     * Accounts in DID order after {@code after} whose handle or e-mail contains {@code text}, or whose
     * DID starts with it; {@code text} must be lower-case (handles and e-mails are stored so). An
     * empty {@code text} matches every account.
     */
    public static List<AccountRow> search(SqlSession s, String text, Optional<Did> after, int limit) throws SQLException {
        PreparedStatement st = s.prepare("SELECT " + COLUMNS + """
                 FROM account
                WHERE did > ? AND (instr(handle, ?) > 0 OR instr(coalesce(email, ''), ?) > 0 OR substr(did, 1, length(?)) = ?)
                ORDER BY did LIMIT ?""");
        st.setString(1, after.map(Did::value).orElse(""));
        for (int i = 2; i <= 5; i++) st.setString(i, text);
        st.setInt(6, limit);
        return SqlValues.all(st, AccountTable::read);
    }

    /** Whether the administrator has stopped the account from getting invite codes (false when there is no such account). */
    public static boolean invitesDisabled(SqlSession s, Did did) throws SQLException {
        PreparedStatement st = s.prepare("SELECT invites_disabled FROM account WHERE did = ?");
        st.setString(1, did.value());
        return SqlValues.first(st, rs -> rs.getInt(1) != 0).orElse(false);
    }

    public static boolean updateInvitesDisabled(SqlSession s, Did did, boolean disabled) throws SQLException {
        PreparedStatement st = s.prepare("UPDATE account SET invites_disabled = ? WHERE did = ?");
        st.setInt(1, disabled ? 1 : 0);
        st.setString(2, did.value());
        return st.executeUpdate() == 1;
    }

    public static boolean updateHandle(SqlSession s, Did did, Handle handle) throws SQLException {
        PreparedStatement st = s.prepare("UPDATE account SET handle = ? WHERE did = ?");
        st.setString(1, handle.value());
        st.setString(2, did.value());
        return st.executeUpdate() == 1;
    }

    public static boolean updateDeactivatedAt(SqlSession s, Did did, Optional<Instant> at) throws SQLException {
        PreparedStatement st = s.prepare("UPDATE account SET deactivated_at = ? WHERE did = ?");
        SqlValues.setInstant(st, 1, at);
        st.setString(2, did.value());
        return st.executeUpdate() == 1;
    }

    public static boolean updateTakedownRef(SqlSession s, Did did, Optional<String> ref) throws SQLException {
        PreparedStatement st = s.prepare("UPDATE account SET takedown_ref = ? WHERE did = ?");
        SqlValues.set(st, 1, ref);
        st.setString(2, did.value());
        return st.executeUpdate() == 1;
    }

    /** A new address, not yet confirmed; {@code email} must be lower-case, as stored. */
    public static boolean updateEmail(SqlSession s, Did did, String email) throws SQLException {
        PreparedStatement st = s.prepare("UPDATE account SET email = ?, email_confirmed_at = NULL WHERE did = ?");
        st.setString(1, email);
        st.setString(2, did.value());
        return st.executeUpdate() == 1;
    }

    public static boolean updateEmailConfirmedAt(SqlSession s, Did did, Instant at) throws SQLException {
        PreparedStatement st = s.prepare("UPDATE account SET email_confirmed_at = ? WHERE did = ?");
        SqlValues.setInstant(st, 1, Optional.of(at));
        st.setString(2, did.value());
        return st.executeUpdate() == 1;
    }

    public static boolean updatePasswordHash(SqlSession s, Did did, String passwordHash) throws SQLException {
        PreparedStatement st = s.prepare("UPDATE account SET password_hash = ? WHERE did = ?");
        st.setString(1, passwordHash);
        st.setString(2, did.value());
        return st.executeUpdate() == 1;
    }

    /** Deletes the account; its refresh tokens, app passwords and e-mail tokens go with it (cascade). */
    public static boolean delete(SqlSession s, Did did) throws SQLException {
        PreparedStatement st = s.prepare("DELETE FROM account WHERE did = ?");
        st.setString(1, did.value());
        return st.executeUpdate() == 1;
    }

    private static Optional<AccountRow> one(SqlSession s, String sql, String key) throws SQLException {
        PreparedStatement st = s.prepare(sql);
        st.setString(1, key);
        return SqlValues.first(st, AccountTable::read);
    }

    private static AccountRow read(ResultSet rs) throws SQLException {
        return new AccountRow(
                Did.parse(rs.getString("did")),
                Handle.parse(rs.getString("handle")),
                SqlValues.text(rs, "email"),
                SqlValues.text(rs, "password_hash"),
                SqlValues.instant(rs, "created_at"),
                SqlValues.optionalInstant(rs, "email_confirmed_at"),
                SqlValues.optionalInstant(rs, "deactivated_at"),
                SqlValues.text(rs, "takedown_ref"));
    }
}
