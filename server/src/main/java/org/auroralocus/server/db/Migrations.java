package org.auroralocus.server.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Numbered schema migrations of one database, as SQL resource files
 * ({@code /db/<name>/001-initial.sql}, ...). {@code PRAGMA user_version} records how many have run;
 * a released migration is never edited, only followed by a new one.
 */
public record Migrations(String name, List<String> files) {
    public Migrations {
        files = List.copyOf(files);
    }

    public static Migrations of(String name, String... files) {
        return new Migrations(name, List.of(files));
    }

    void apply(SqlSession session) throws SQLException {
        int applied;
        try (Statement st = session.connection().createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
            applied = rs.next() ? rs.getInt(1) : 0;
        }
        if (applied > files.size()) {
            throw new SQLException(name + " database is at schema version " + applied
                    + ", newer than this version of Aurora Locus knows (" + files.size() + ")");
        }
        for (int i = applied; i < files.size(); i++) {
            String sql = load(files.get(i));
            session.connection().setAutoCommit(false);
            try (Statement st = session.connection().createStatement()) {
                for (String part : sql.split(";\\s*(\\r?\\n|$)")) {
                    if (!part.isBlank()) st.executeUpdate(part);
                }
                st.executeUpdate("PRAGMA user_version = " + (i + 1));
                session.connection().commit();
            } catch (SQLException e) {
                session.connection().rollback();
                throw new SQLException("migration " + name + "/" + files.get(i) + " failed: " + e.getMessage(), e);
            } finally {
                session.connection().setAutoCommit(true);
            }
        }
    }

    private String load(String file) {
        String path = "/db/" + name + "/" + file;
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("migration resource missing: " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
