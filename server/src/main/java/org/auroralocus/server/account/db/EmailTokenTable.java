package org.auroralocus.server.account.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.db.SqlSession;

/** The {@code email_token} table: at most one outstanding code per account and purpose. */
public final class EmailTokenTable {
    private EmailTokenTable() {}

    /** Stores the code, replacing any earlier one of the same purpose (a new request voids the old code). */
    public static void create(SqlSession s, Did did, EmailTokenPurpose purpose, String token, Instant now)
            throws SQLException {
        PreparedStatement st = s.prepare("""
                INSERT INTO email_token (purpose, did, token, requested_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (purpose, did) DO UPDATE SET token = excluded.token, requested_at = excluded.requested_at""");
        st.setString(1, purpose.column());
        st.setString(2, did.value());
        st.setString(3, token);
        st.setLong(4, now.toEpochMilli());
        st.executeUpdate();
    }

    public static Optional<EmailTokenRow> find(SqlSession s, Did did, EmailTokenPurpose purpose) throws SQLException {
        PreparedStatement st = s.prepare("SELECT token, requested_at FROM email_token WHERE purpose = ? AND did = ?");
        st.setString(1, purpose.column());
        st.setString(2, did.value());
        return SqlValues.first(st, rs -> new EmailTokenRow(did, purpose, rs.getString("token"),
                SqlValues.instant(rs, "requested_at")));
    }

    public static boolean delete(SqlSession s, Did did, EmailTokenPurpose purpose) throws SQLException {
        PreparedStatement st = s.prepare("DELETE FROM email_token WHERE purpose = ? AND did = ?");
        st.setString(1, purpose.column());
        st.setString(2, did.value());
        return st.executeUpdate() > 0;
    }
}
