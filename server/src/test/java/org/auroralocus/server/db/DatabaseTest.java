package org.auroralocus.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    private static final Migrations MIGRATIONS = Migrations.of("dbtest", "001-initial.sql", "002-tags.sql");

    @TempDir Path dir;
    private final DatabaseThreads threads = new DatabaseThreads(2, 4);

    @AfterEach
    void stop() {
        threads.close();
    }

    private static long count(Database db) {
        return db.read(DatabaseTest::countIn);
    }

    private static void insert(Database db, String text) {
        db.write(s -> {
            var st = s.prepare("INSERT INTO note (text, tag) VALUES (?, 'x')");
            st.setString(1, text);
            return st.executeUpdate();
        });
    }

    @Test
    void appliesMigrationsInOrderAndUsesWal() {
        try (Database db = Database.open(dir.resolve("t.sqlite"), MIGRATIONS, threads)) {
            insert(db, "hello");
            String mode = db.read(s -> {
                try (ResultSet rs = s.connection().createStatement().executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertEquals("wal", mode);
            int version = db.read(s -> {
                try (ResultSet rs = s.connection().createStatement().executeQuery("PRAGMA user_version")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(2, version);
        }
    }

    @Test
    void aFailedWriteChangesNothing() {
        try (Database db = Database.open(dir.resolve("t.sqlite"), MIGRATIONS, threads)) {
            insert(db, "kept");
            var e = assertThrows(IllegalStateException.class, () -> db.write(s -> {
                s.prepare("INSERT INTO note (text) VALUES ('lost')").executeUpdate();
                throw new IllegalStateException("refused halfway");
            }));
            assertEquals("refused halfway", e.getMessage());
            assertEquals(1, count(db));
            assertThrows(DatabaseException.class, () -> db.write(s -> s.prepare("INSERT INTO nope VALUES (1)").executeUpdate()));
            assertEquals(1, count(db));
        }
    }

    @Test
    void dataSurvivesReopeningAndMigrationsRunOnce() {
        Path file = dir.resolve("t.sqlite");
        try (Database db = Database.open(file, MIGRATIONS, threads)) {
            insert(db, "one");
        }
        try (Database db = Database.open(file, MIGRATIONS, threads)) {
            assertEquals(1, count(db));
        }
    }

    @Test
    void aNewerSchemaThanKnownIsRefused() {
        Path file = dir.resolve("t.sqlite");
        Database.open(file, MIGRATIONS, threads).close();
        var e = assertThrows(DatabaseException.class, () -> Database.open(file, Migrations.of("dbtest", "001-initial.sql"), threads));
        assertEquals(true, e.getMessage().contains("newer than this version"));
    }

    @Test
    void concurrentWritersAndReadersAllSucceed() throws Exception {
        try (Database db = Database.open(dir.resolve("t.sqlite"), MIGRATIONS, threads);
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                futures.add(pool.submit((Callable<Object>) () -> {
                    insert(db, "note " + n);
                    return count(db);
                }));
            }
            for (Future<?> f : futures) f.get();
            assertEquals(200, count(db));
        }
    }

    @Test
    void writesCommittedTogetherFailOneByOne() throws Exception {
        try (Database db = Database.open(dir.resolve("t.sqlite"), MIGRATIONS, threads);
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                int n = i;
                futures.add(pool.submit(() -> db.write(s -> {
                    var st = s.prepare("INSERT INTO note (text, tag) VALUES (?, 'x')");
                    st.setString(1, "note " + n);
                    st.executeUpdate();
                    if (n % 7 == 0) throw new IllegalStateException("refused " + n);
                    if (n % 11 == 0) s.prepare("INSERT INTO nope VALUES (1)").executeUpdate();
                    return n;
                })));
            }
            int committed = 0;
            for (int i = 0; i < futures.size(); i++) {
                int n = i;
                if (n % 7 == 0) {
                    var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> futures.get(n).get());
                    assertEquals("refused " + n, e.getCause().getMessage(), "each failing write sees its own failure");
                } else if (n % 11 == 0) {
                    var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> futures.get(n).get());
                    assertEquals(DatabaseException.class, e.getCause().getClass());
                } else {
                    assertEquals(n, futures.get(n).get());
                    committed++;
                }
            }
            assertEquals(committed, count(db), "exactly the writes that succeeded are kept");
        }
    }
    @Test
    void afterCommitHearsOfCommittedWritesOnlyInTheOrderTheyRanAndOnceTheyAreVisible() throws Exception {
        try (Database db = Database.open(dir.resolve("t.sqlite"), MIGRATIONS, threads);
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Long> ran = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Long> heard = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Long> visibleWhenHeard = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                futures.add(pool.submit(() -> db.write(s -> {
                    var st = s.prepare("INSERT INTO note (text, tag) VALUES (?, 'x') RETURNING id");
                    st.setString(1, "note " + n);
                    long id;
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    if (n % 5 == 0) throw new IllegalStateException("refused " + n);
                    ran.add(id);
                    return id;
                }, id -> {
                    heard.add(id);
                    // a reader sees it: the commit came first
                    visibleWhenHeard.add(db.read(r -> {
                        var q = r.prepare("SELECT count(*) FROM note WHERE id = ?");
                        q.setLong(1, id);
                        try (ResultSet rs = q.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }));
                })));
            }
            for (int i = 0; i < futures.size(); i++) {
                int n = i;
                if (n % 5 == 0) assertThrows(java.util.concurrent.ExecutionException.class, () -> futures.get(n).get());
                else futures.get(n).get();
            }
            assertEquals(ran, heard, "every committed write is heard of, in the order the writer ran them");
            assertEquals(160, heard.size());
            assertEquals(java.util.Collections.nCopies(160, 1L), visibleWhenHeard);
        }
    }

    @Test
    void aStreamingReadRunsOnTheCallerAndSeesOneSnapshotWhileWritesLand() {
        try (Database db = Database.open(dir.resolve("s.sqlite"), MIGRATIONS, threads)) {
            insert(db, "before");
            Thread caller = Thread.currentThread();
            List<Long> seen = db.readStreaming(s -> {
                assertEquals(caller, Thread.currentThread(), "no shared reader thread is held while the caller streams");
                List<Long> counts = new ArrayList<>();
                counts.add(countIn(s));
                insert(db, "during");   // commits on the writer while this read is open
                counts.add(countIn(s));
                return counts;
            });
            assertEquals(List.of(1L, 1L), seen, "the write is not seen inside the snapshot");
            assertEquals(2, count(db));
        }
    }

    private static long countIn(SqlSession s) throws java.sql.SQLException {
        try (ResultSet rs = s.prepare("SELECT count(*) FROM note").executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
