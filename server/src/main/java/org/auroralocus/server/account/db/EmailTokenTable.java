package org.auroralocus.server.account.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.db.SqlSession;

/** The {@code email_token} table: one outstanding code per account and purpose. */
public final class EmailTokenTable {
    private EmailTokenTable() {}

    /** Stores the account's code for the purpose, replacing an earlier one (asking again invalidates the old code). */
    public static void put(SqlSession s, EmailTokenRow row) throws SQLException {
        PreparedStatement st = s.prepare("""
                INSERT INTO email_token (purpose, did, token, requested_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (purpose, did) DO UPDATE SET token = excluded.token, requested_at = excluded.requested_at""");
        st.setString(1, row.purpose());
        st.setString(2, row.did().value());
        st.setString(3, row.token());
        st.setLong(4, row.requestedAt().toEpochMilli());
        st.executeUpdate();
    }

    public static Optional<EmailTokenRow> find(SqlSession s, Did did, String purpose) throws SQLException {
        PreparedStatement st = s.prepare("""
                SELECT purpose, did, token, requested_at FROM email_token WHERE purpose = ? AND did = ?""");
        st.setString(1, purpose);
        st.setString(2, did.value());
        return SqlValues.first(st, EmailTokenTable::read);
    }

    public static void delete(SqlSession s, Did did, String purpose) throws SQLException {
        PreparedStatement st = s.prepare("DELETE FROM email_token WHERE purpose = ? AND did = ?");
        st.setString(1, purpose);
        st.setString(2, did.value());
        st.executeUpdate();
    }

    /** The code of any account for the purpose (a password reset names no account, only its code). */
    public static Optional<EmailTokenRow> findByToken(SqlSession s, String purpose, String token) throws SQLException {
        PreparedStatement st = s.prepare("""
                SELECT purpose, did, token, requested_at FROM email_token WHERE purpose = ? AND token = ?""");
        st.setString(1, purpose);
        st.setString(2, token);
        return SqlValues.first(st, EmailTokenTable::read);
    }

    /** Every outstanding code of the account (its address changed: codes sent to the old one stop working). */
    public static void deleteAll(SqlSession s, Did did) throws SQLException {
        PreparedStatement st = s.prepare("DELETE FROM email_token WHERE did = ?");
        st.setString(1, did.value());
        st.executeUpdate();
    }

    private static EmailTokenRow read(java.sql.ResultSet rs) throws SQLException {
        return new EmailTokenRow(rs.getString("purpose"), Did.parse(rs.getString("did")), rs.getString("token"),
                SqlValues.instant(rs, "requested_at"));
    }
}
