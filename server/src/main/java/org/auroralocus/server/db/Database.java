package org.auroralocus.server.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * One SQLite file in WAL mode: writes run one at a time on the shared writer threads; reads run
 * concurrently on the shared reader threads, each with a connection of this file's small reader
 * pool. Callers (virtual threads) wait for the result.
 *
 * <p>Writes that queue up while the writer is busy are committed together (group commit): each runs
 * inside its own savepoint, so one that fails is rolled back alone, and the group shares one commit
 * and so one fsync. Every caller is answered only after the commit that holds its work, so a write
 * is as durable and as atomic as if it had its own transaction; under load the file's fsyncs are
 * shared instead of queued one behind another.
 */
public final class Database implements AutoCloseable {
    /** Writes committed together at most; bounds the time a single commit keeps the writer. */
    static final int MAX_GROUP = 64;

    private final Path file;
    private final SqlSession writer;
    private final Executor writeQueue;
    private final ConcurrentLinkedQueue<PendingWrite<?>> pendingWrites = new ConcurrentLinkedQueue<>();
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

    /**
     * Runs {@code work} in a write transaction: committed when it returns, rolled back when it throws.
     * It may share the commit with other writes queued at the same time (see the class comment).
     */
    public <T> T write(SqlWork<T> work) {
        return write(work, value -> {});
    }

    /**
     * As {@link #write(SqlWork)}, and once the work is committed, {@code afterCommit} gets its result
     * on the writer thread, before the caller is answered. Writes run and commit in the order the
     * writer takes them, so these calls come in that order too, one at a time, each after the
     * commit that made its write durable: how the sequencer hands events to the firehose in
     * {@code seq} order while the appends of many callers share one commit. It must return at once
     * (it holds up the file's writer) and not throw (the write is committed whatever it does).
     */
    public <T> T write(SqlWork<T> work, Consumer<? super T> afterCommit) {
        PendingWrite<T> pending = new PendingWrite<>(work, afterCommit);
        pendingWrites.add(pending);
        // one drain per write; a drain takes every write then waiting, so later ones may find none
        writeQueue.execute(this::drainGroup);
        return await(pending.result);
    }

    /** Runs {@code work} with a read connection (a consistent snapshot for the duration of one statement). */
    public <T> T read(SqlWork<T> work) {
        return await(CompletableFuture.supplyAsync(() -> withReader(work), readPool));
    }

    /** Runs {@code work} in a read transaction, so several statements see one snapshot. */
    public <T> T readSnapshot(SqlWork<T> work) {
        return read(session -> inSnapshot(session, work));
    }

    /**
     * Runs {@code work} in a read transaction on the calling thread, for work that writes to a
     * client while it reads (a repository streamed as a CAR): a slow client then holds its own
     * (virtual) thread and one reader connection, never one of the few shared reader threads, and
     * the snapshot keeps every block of the commit it started from however long the transfer takes.
     */
    public <T> T readStreaming(SqlWork<T> work) {
        return withReader(session -> inSnapshot(session, work));
    }

    private static <T> T inSnapshot(SqlSession session, SqlWork<T> work) throws SQLException {
        Connection c = session.connection();
        c.setAutoCommit(false);
        try {
            return work.run(session);
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    /** A write waiting for its group; what its work returned or threw is held until the group's commit. */
    private static final class PendingWrite<T> {
        final SqlWork<T> work;
        final Consumer<? super T> afterCommit;
        final CompletableFuture<T> result = new CompletableFuture<>();
        T value;
        RuntimeException failure;

        PendingWrite(SqlWork<T> work, Consumer<? super T> afterCommit) {
            this.work = work;
            this.afterCommit = afterCommit;
        }

        void run(SqlSession session) throws SQLException {
            value = work.run(session);
        }

        void complete() {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            try {
                afterCommit.accept(value);
            } catch (RuntimeException e) {
                // committed already: the caller still hears of its write (see write(work, afterCommit))
            }
            result.complete(value);
        }
    }

    private void drainGroup() {
        List<PendingWrite<?>> group = new ArrayList<>();
        PendingWrite<?> next;
        while (group.size() < MAX_GROUP && (next = pendingWrites.poll()) != null) group.add(next);
        if (group.isEmpty()) return;
        if (closed) {
            group.forEach(w -> w.result.completeExceptionally(new IllegalStateException("database " + file + " is closed")));
            return;
        }
        try {
            if (group.size() == 1) runAlone(group.getFirst());
            else runTogether(group);
            writer.connection().commit();
        } catch (SQLException | RuntimeException e) {
            rollbackAfter(e);
            DatabaseException failed = failure(e);
            for (PendingWrite<?> w : group) if (w.failure == null) w.failure = failed;
        } catch (Error e) {
            rollbackAfter(e);
            group.forEach(w -> w.result.completeExceptionally(e));
            throw e;
        }
        group.forEach(PendingWrite::complete);
    }

    /** A write on its own: a failure rolls back the transaction, as it always did. */
    private void runAlone(PendingWrite<?> w) throws SQLException {
        try {
            w.run(writer);
        } catch (RuntimeException e) {
            writer.connection().rollback();
            w.failure = e;
        }
    }

    /** Each write in its own savepoint, so a failing one is undone alone and the others still commit. */
    private void runTogether(List<PendingWrite<?>> group) throws SQLException {
        Connection c = writer.connection();
        for (PendingWrite<?> w : group) {
            Savepoint savepoint = c.setSavepoint();
            try {
                w.run(writer);
            } catch (SQLException | RuntimeException e) {
                // if SQLite cannot go back to the savepoint, the whole group fails below
                c.rollback(savepoint);
                w.failure = e instanceof SQLException sql ? failure(sql) : (RuntimeException) e;
            }
            c.releaseSavepoint(savepoint);
        }
    }

    private void rollbackAfter(Throwable cause) {
        try {
            writer.connection().rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private DatabaseException failure(Exception e) {
        if (e instanceof DatabaseException d) return d;
        return new DatabaseException("write to " + file.getFileName() + " failed: " + e.getMessage(), e);
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

    /** One reader connection per reader thread, plus one per stream running at the same time ({@link #readStreaming}). */
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
