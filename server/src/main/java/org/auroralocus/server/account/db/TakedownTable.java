package org.auroralocus.server.account.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.db.SqlSession;

/**
 * {@code takedown}: the log of current takedowns, for listing them. The serving code never reads it;
 * it reads the {@code takedown_ref} columns, which the same service sets.
 */
public final class TakedownTable {
    private TakedownTable() {}

    /**
     * A row of {@code takedown}.
     *
     * @param subject the key: the DID, the AT URI, or {@code "<did> <cid>"} for a blob
     * @param kind    {@code account}, {@code record} or {@code blob}
     */
    public record Row(String subject, String kind, Did did, Optional<String> uri, Optional<String> cid, String ref,
                      Instant createdAt) {}

    /** Records the takedown, replacing an earlier one of the same subject. */
    public static void put(SqlSession s, Row row) throws SQLException {
        PreparedStatement st = s.prepare("""
                INSERT OR REPLACE INTO takedown (subject, kind, did, uri, cid, ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""");
        st.setString(1, row.subject());
        st.setString(2, row.kind());
        st.setString(3, row.did().value());
        SqlValues.set(st, 4, row.uri());
        SqlValues.set(st, 5, row.cid());
        st.setString(6, row.ref());
        st.setLong(7, row.createdAt().toEpochMilli());
        st.executeUpdate();
    }

    public static void remove(SqlSession s, String subject) throws SQLException {
        s.update("DELETE FROM takedown WHERE subject = ?", subject);
    }

    /** Forgets every takedown of the account's subjects (the account is being deleted). */
    public static void removeAll(SqlSession s, Did did) throws SQLException {
        s.update("DELETE FROM takedown WHERE did = ?", did.value());
    }

    /** Every current takedown, newest first. */
    public static List<Row> all(SqlSession s) throws SQLException {
        PreparedStatement st = s.prepare(
                "SELECT subject, kind, did, uri, cid, ref, created_at FROM takedown ORDER BY created_at DESC, subject");
        return SqlValues.all(st, rs -> new Row(rs.getString(1), rs.getString(2), Did.parse(rs.getString(3)),
                SqlValues.text(rs, "uri"), SqlValues.text(rs, "cid"), rs.getString(6), SqlValues.instant(rs, "created_at")));
    }
}
