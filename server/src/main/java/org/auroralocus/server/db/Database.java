package org.auroralocus.server.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One SQLite file in WAL mode: writes run one at a time, each in its own transaction, on the
 * shared writer threads; reads run concurrently on the shared reader threads, each with a
 * connection of this file's small reader pool. Callers (virtual threads) wait for the result.
 */
public final class Database implements AutoCloseable {
    private final Path file;
    private final SqlSession writer;
    private final Executor writeQueue;
    private final Executor readPool;
    private final LinkedBlockingQueue<SqlSession> idleReaders = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    private Database(Path file, SqlSession writer, DatabaseThreads threads) {
        this.file = file;
        this.writer = writer;
        this.writeQueue = new SerialExecutor(threads.writers());
        this.readPool = threads.readers();
    }

    /** Opens (creating if needed) the file and brings its schema up to date. */
    public static Database open(Path file, Migrations migrations, DatabaseThreads threads) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            SqlSession writer = new SqlSession(connect(file));
            try (Statement st = writer.connection().createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
            }
            migrations.apply(writer);
            writer.connection().setAutoCommit(false);
            return new Database(file, writer, threads);
        } catch (SQLException | java.io.IOException e) {
            throw new DatabaseException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            st.execute("PRAGMA foreign_keys = ON");
            // FULL: a commit is on disk before the client hears about it (one fsync per transaction in WAL)
            st.execute("PRAGMA synchronous = FULL");
        }
        return c;
    }

    /** Runs {@code work} in a write transaction: committed when it returns, rolled back when it throws. */
    public <T> T write(SqlWork<T> work) {
        return await(CompletableFuture.supplyAsync(() -> inTransaction(work), writeQueue));
    }

    /** Runs {@code work} with a read connection (a consistent snapshot for the duration of one statement). */
    public <T> T read(SqlWork<T> work) {
        return await(CompletableFuture.supplyAsync(() -> withReader(work), readPool));
    }

    /** Runs {@code work} in a read transaction, so several statements see one snapshot. */
    public <T> T readSnapshot(SqlWork<T> work) {
        return read(session -> {
            Connection c = session.connection();
            c.setAutoCommit(false);
            try {
                return work.run(session);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        });
    }

    private <T> T inTransaction(SqlWork<T> work) {
        ensureOpen();
        try {
            try {
                T result = work.run(writer);
                writer.connection().commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                writer.connection().rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("write to " + file.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    private <T> T withReader(SqlWork<T> work) {
        ensureOpen();
        SqlSession session = idleReaders.poll();
        try {
            if (session == null) session = newReader();
            return work.run(session);
        } catch (SQLException e) {
            throw new DatabaseException("read from " + file.getFileName() + " failed: " + e.getMessage(), e);
        } finally {
            if (session != null) idleReaders.offer(session);
        }
    }

    /** At most one reader connection per reader thread ever exists, since each holds one at a time. */
    private SqlSession newReader() throws SQLException {
        return new SqlSession(connect(file));
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("database " + file + " is closed");
    }

    public Path file() {
        return file;
    }

    @Override public void close() {
        closed = true;
        CompletableFuture.runAsync(() -> {
            try {
                writer.close();
            } catch (SQLException e) {
                throw new DatabaseException("closing " + file, e);
            }
        }, writeQueue).join();
        SqlSession s;
        while ((s = idleReaders.poll()) != null) {
            try {
                s.close();
            } catch (SQLException e) {
                // closing on shutdown: nothing left to protect
            }
        }
    }
}
