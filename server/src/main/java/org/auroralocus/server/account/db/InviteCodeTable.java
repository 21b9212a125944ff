package org.auroralocus.server.account.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.db.SqlSession;

/** The {@code invite_code} table and its uses ({@code invite_code_use}). */
public final class InviteCodeTable {
    private InviteCodeTable() {}

    public static void insert(SqlSession s, InviteCodeRow row) throws SQLException {
        PreparedStatement st = s.prepare("""
                INSERT INTO invite_code (code, available_uses, disabled, for_account, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""");
        st.setString(1, row.code());
        st.setInt(2, row.availableUses());
        st.setInt(3, row.disabled() ? 1 : 0);
        st.setString(4, row.forAccount());
        st.setString(5, row.createdBy());
        st.setLong(6, row.createdAt().toEpochMilli());
        st.executeUpdate();
    }

    private static final String COLUMNS = "code, available_uses, disabled, for_account, created_by, created_at";

    public static Optional<InviteCodeRow> find(SqlSession s, String code) throws SQLException {
        PreparedStatement st = s.prepare("SELECT " + COLUMNS + " FROM invite_code WHERE code = ?");
        st.setString(1, code);
        return SqlValues.first(st, InviteCodeTable::read);
    }

    /**
     * A page of codes, newest first (ties by code), after the code {@code after} of the previous
     * page: the official getInviteCodes's {@code recent} order.
     */
    public static List<InviteCodeRow> recent(SqlSession s, Optional<InviteCodeRow> after, int limit) throws SQLException {
        PreparedStatement st = s.prepare("SELECT " + COLUMNS + """
                 FROM invite_code
                WHERE ? OR created_at < ? OR (created_at = ? AND code < ?)
                ORDER BY created_at DESC, code DESC LIMIT ?""");
        st.setBoolean(1, after.isEmpty());
        long at = after.map(r -> r.createdAt().toEpochMilli()).orElse(0L);
        st.setLong(2, at);
        st.setLong(3, at);
        st.setString(4, after.map(InviteCodeRow::code).orElse(""));
        st.setInt(5, limit);
        return SqlValues.all(st, InviteCodeTable::read);
    }

    /** The codes made for this account (by the administrator or by the account itself). */
    public static List<InviteCodeRow> forAccount(SqlSession s, String forAccount) throws SQLException {
        PreparedStatement st = s.prepare("SELECT " + COLUMNS + " FROM invite_code WHERE for_account = ? ORDER BY created_at, code");
        st.setString(1, forAccount);
        return SqlValues.all(st, InviteCodeTable::read);
    }

    /** The code this account signed up with, if it used one. */
    public static Optional<InviteCodeRow> usedBy(SqlSession s, Did did) throws SQLException {
        PreparedStatement st = s.prepare("SELECT " + COLUMNS
                + " FROM invite_code WHERE code IN (SELECT code FROM invite_code_use WHERE used_by = ?) LIMIT 1");
        st.setString(1, did.value());
        return SqlValues.first(st, InviteCodeTable::read);
    }

    /** One use of a code. */
    public record Use(Did usedBy, Instant usedAt) {}

    /** The code's uses, newest first. */
    public static List<Use> uses(SqlSession s, String code) throws SQLException {
        PreparedStatement st = s.prepare("SELECT used_by, used_at FROM invite_code_use WHERE code = ? ORDER BY used_at DESC");
        st.setString(1, code);
        return SqlValues.all(st, rs -> new Use(Did.parse(rs.getString(1)), SqlValues.instant(rs, "used_at")));
    }

    public static void disable(SqlSession s, String code) throws SQLException {
        s.update("UPDATE invite_code SET disabled = 1 WHERE code = ?", code);
    }

    /** Disables every code made for the account. */
    public static void disableForAccount(SqlSession s, String forAccount) throws SQLException {
        s.update("UPDATE invite_code SET disabled = 1 WHERE for_account = ?", forAccount);
    }

    private static InviteCodeRow read(java.sql.ResultSet rs) throws SQLException {
        return new InviteCodeRow(rs.getString("code"), rs.getInt("available_uses"),
                rs.getInt("disabled") != 0, rs.getString("for_account"), rs.getString("created_by"),
                SqlValues.instant(rs, "created_at"));
    }

    public static int useCount(SqlSession s, String code) throws SQLException {
        PreparedStatement st = s.prepare("SELECT count(*) FROM invite_code_use WHERE code = ?");
        st.setString(1, code);
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public static void recordUse(SqlSession s, String code, Did usedBy, Instant at) throws SQLException {
        PreparedStatement st = s.prepare("INSERT INTO invite_code_use (code, used_by, used_at) VALUES (?, ?, ?)");
        st.setString(1, code);
        st.setString(2, usedBy.value());
        st.setLong(3, at.toEpochMilli());
        st.executeUpdate();
    }
}
