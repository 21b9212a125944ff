package org.auroralocus.server.account.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    public static Optional<InviteCodeRow> find(SqlSession s, String code) throws SQLException {
        PreparedStatement st = s.prepare("""
                SELECT code, available_uses, disabled, for_account, created_by, created_at
                FROM invite_code WHERE code = ?""");
        st.setString(1, code);
        return SqlValues.first(st, rs -> new InviteCodeRow(rs.getString("code"), rs.getInt("available_uses"),
                rs.getInt("disabled") != 0, rs.getString("for_account"), rs.getString("created_by"),
                SqlValues.instant(rs, "created_at")));
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
