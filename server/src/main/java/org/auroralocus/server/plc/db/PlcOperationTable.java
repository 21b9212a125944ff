package org.auroralocus.server.plc.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.identity.plc.PlcAuditEntry;
import org.auroralocus.atproto.identity.plc.SignedPlcOp;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.Migrations;
import org.auroralocus.server.db.SqlSession;

/** {@code plc_operation}: the operation logs of the embedded PLC directory, one row per operation. */
public final class PlcOperationTable {
    /** The schema of {@code plc.sqlite}. */
    public static final Migrations MIGRATIONS = Migrations.of("plc", "001-operations.sql");

    private final Database db;

    public PlcOperationTable(Database db) {
        this.db = db;
    }

    /** The log of {@code did} in order, nullified operations included; empty when the DID is unknown. */
    public List<PlcAuditEntry> log(Did did) {
        return db.read(session -> {
            PreparedStatement st = session.prepare("""
                    SELECT cid, operation, nullified, created_at FROM plc_operation
                    WHERE did = ? ORDER BY position""");
            st.setString(1, did.toString());
            List<PlcAuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    entries.add(new PlcAuditEntry(did, SignedPlcOp.parse(rs.getString("operation")),
                            Cid.parse(rs.getString("cid")), rs.getInt("nullified") != 0,
                            Instant.ofEpochMilli(rs.getLong("created_at"))));
                }
            }
            return List.copyOf(entries);
        });
    }

    /**
     * Appends {@code entry} as operation number {@code position} (0 for a genesis) of its DID's log.
     * Returns false, storing nothing, when the log no longer has exactly {@code position} operations:
     * another operation got there first.
     */
    public boolean append(PlcAuditEntry entry, int position) {
        return db.write(session -> {
            if (count(session, entry.did()) != position) return false;
            PreparedStatement st = session.prepare("""
                    INSERT INTO plc_operation (did, position, cid, operation, nullified, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)""");
            st.setString(1, entry.did().toString());
            st.setInt(2, position);
            st.setString(3, entry.cid().toString());
            st.setString(4, entry.operation().toJson().toString());
            st.setInt(5, entry.nullified() ? 1 : 0);
            st.setLong(6, entry.createdAt().toEpochMilli());
            st.executeUpdate();
            return true;
        });
    }

    private static int count(SqlSession session, Did did) throws SQLException {
        PreparedStatement st = session.prepare("SELECT count(*) FROM plc_operation WHERE did = ?");
        st.setString(1, did.toString());
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
