package org.auroralocus.server.account.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Nullable columns of this database as {@code Optional}s (times are epoch milliseconds), and query results as rows. */
final class SqlValues {
    private SqlValues() {}

    /** Reads the current row of a result set into a row record. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static <T> Optional<T> first(PreparedStatement st, RowReader<T> reader) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
        }
    }

    static <T> List<T> all(PreparedStatement st, RowReader<T> reader) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) rows.add(reader.read(rs));
        }
        return rows;
    }

    static Optional<String> text(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.ofEpochMilli(rs.getLong(column));
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    static void set(PreparedStatement st, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) st.setString(index, value.get());
        else st.setNull(index, Types.VARCHAR);
    }

    static void setInstant(PreparedStatement st, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) st.setLong(index, value.get().toEpochMilli());
        else st.setNull(index, Types.INTEGER);
    }
}
