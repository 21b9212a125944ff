package org.auroralocus.server.account.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.db.SqlSession;

/** The {@code app_password} table. */
public final class AppPasswordTable {
    private static final String COLUMNS = "did, name, password_hash, privileged, created_at";

    private AppPasswordTable() {}

    public static void insert(SqlSession s, AppPasswordRow row) throws SQLException {
        PreparedStatement st = s.prepare("""
                INSERT INTO app_password (did, name, password_hash, privileged, created_at)
                VALUES (?, ?, ?, ?, ?)""");
        st.setString(1, row.did().value());
        st.setString(2, row.name());
        st.setString(3, row.passwordHash());
        st.setInt(4, row.privileged() ? 1 : 0);
        st.setLong(5, row.createdAt().toEpochMilli());
        st.executeUpdate();
    }

    public static Optional<AppPasswordRow> find(SqlSession s, Did did, String name) throws SQLException {
        PreparedStatement st = s.prepare("SELECT " + COLUMNS + " FROM app_password WHERE did = ? AND name = ?");
        st.setString(1, did.value());
        st.setString(2, name);
        return SqlValues.first(st, AppPasswordTable::read);
    }

    /** The account's app passwords, newest first (as listAppPasswords shows them). */
    public static List<AppPasswordRow> forAccount(SqlSession s, Did did) throws SQLException {
        PreparedStatement st = s.prepare("SELECT " + COLUMNS + " FROM app_password WHERE did = ? ORDER BY created_at DESC, name");
        st.setString(1, did.value());
        return SqlValues.all(st, AppPasswordTable::read);
    }

    public static boolean delete(SqlSession s, Did did, String name) throws SQLException {
        PreparedStatement st = s.prepare("DELETE FROM app_password WHERE did = ? AND name = ?");
        st.setString(1, did.value());
        st.setString(2, name);
        return st.executeUpdate() > 0;
    }

    private static AppPasswordRow read(ResultSet rs) throws SQLException {
        return new AppPasswordRow(Did.parse(rs.getString("did")), rs.getString("name"), rs.getString("password_hash"),
                rs.getInt("privileged") != 0, SqlValues.instant(rs, "created_at"));
    }
}
