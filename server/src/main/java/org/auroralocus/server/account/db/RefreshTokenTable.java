package org.auroralocus.server.account.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.db.SqlSession;

/** The {@code refresh_token} table. */
public final class RefreshTokenTable {
    private RefreshTokenTable() {}

    /** Stores a token; a token already stored (the same next token handed out twice in the grace) stays as it was. */
    public static void insertIfAbsent(SqlSession s, RefreshTokenRow row) throws SQLException {
        PreparedStatement st = s.prepare("""
                INSERT INTO refresh_token (id, did, app_password_name, expires_at, next_id)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""");
        st.setString(1, row.id());
        st.setString(2, row.did().value());
        SqlValues.set(st, 3, row.appPasswordName());
        st.setLong(4, row.expiresAt().toEpochMilli());
        SqlValues.set(st, 5, row.nextId());
        st.executeUpdate();
    }

    public static Optional<RefreshTokenRow> find(SqlSession s, String id) throws SQLException {
        PreparedStatement st = s.prepare("""
                SELECT id, did, app_password_name, expires_at, next_id FROM refresh_token WHERE id = ?""");
        st.setString(1, id);
        return SqlValues.first(st, rs -> new RefreshTokenRow(rs.getString("id"), Did.parse(rs.getString("did")),
                SqlValues.text(rs, "app_password_name"), SqlValues.instant(rs, "expires_at"),
                SqlValues.text(rs, "next_id")));
    }

    /** Records that the token was used: it now lives only until {@code expiresAt} and was replaced by {@code nextId}. */
    public static void markRotated(SqlSession s, String id, Instant expiresAt, String nextId) throws SQLException {
        PreparedStatement st = s.prepare("UPDATE refresh_token SET expires_at = ?, next_id = ? WHERE id = ?");
        st.setLong(1, expiresAt.toEpochMilli());
        st.setString(2, nextId);
        st.setString(3, id);
        st.executeUpdate();
    }

    public static void deleteExpired(SqlSession s, Did did, Instant now) throws SQLException {
        PreparedStatement st = s.prepare("DELETE FROM refresh_token WHERE did = ? AND expires_at <= ?");
        st.setString(1, did.value());
        st.setLong(2, now.toEpochMilli());
        st.executeUpdate();
    }

    public static boolean delete(SqlSession s, String id) throws SQLException {
        PreparedStatement st = s.prepare("DELETE FROM refresh_token WHERE id = ?");
        st.setString(1, id);
        return st.executeUpdate() > 0;
    }

    public static void deleteForAppPassword(SqlSession s, Did did, String appPasswordName) throws SQLException {
        PreparedStatement st = s.prepare("DELETE FROM refresh_token WHERE did = ? AND app_password_name = ?");
        st.setString(1, did.value());
        st.setString(2, appPasswordName);
        st.executeUpdate();
    }

    public static void deleteForAccount(SqlSession s, Did did) throws SQLException {
        PreparedStatement st = s.prepare("DELETE FROM refresh_token WHERE did = ?");
        st.setString(1, did.value());
        st.executeUpdate();
    }
}
