package org.auroralocus.server.actor.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.auroralocus.server.db.SqlSession;

/**
 * {@code account_pref}: the account's private preferences, one JSON object per row in the order the
 * client put them. Which rows a caller may see or replace is the preferences service's business.
 */
public final class PreferenceTable {
    /** A stored preference: its row id, its {@code $type} and the object as JSON text. */
    public record StoredPreference(long id, String name, String valueJson) {}

    private final SqlSession session;

    public PreferenceTable(SqlSession session) {
        this.session = session;
    }

    /** Every preference, in the order they were put. */
    public List<StoredPreference> all() throws SQLException {
        List<StoredPreference> out = new ArrayList<>();
        try (ResultSet rs = session.prepare("SELECT id, name, value_json FROM account_pref ORDER BY id").executeQuery()) {
            while (rs.next()) out.add(new StoredPreference(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
        return out;
    }

    public void delete(long id) throws SQLException {
        var st = session.prepare("DELETE FROM account_pref WHERE id = ?");
        st.setLong(1, id);
        st.executeUpdate();
    }

    public void insert(String name, String valueJson) throws SQLException {
        session.update("INSERT INTO account_pref (name, value_json) VALUES (?, ?)", name, valueJson);
    }
}
