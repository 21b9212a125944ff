package org.auroralocus.gui;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.auroralocus.server.PdsServer;

/**
 * The server running inside the application: started, stopped and restarted off the FX thread,
 * its state and the running instance published as properties (changed on the FX thread) that the
 * screens follow. The configuration is read again on each start, so saved settings take effect
 * with a restart.
 */
public final class ServerHost implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ServerHost.class.getName());

    private final TaskRunner tasks;
    private final Clock clock;
    private final Callable<PdsServer> starter;
    private final ReadOnlyObjectWrapper<ServerState> state = new ReadOnlyObjectWrapper<>(ServerState.STOPPED);
    private final ReadOnlyObjectWrapper<Optional<PdsServer>> server = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyObjectWrapper<Optional<Instant>> startedAt = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    /** The server as the background threads see it, so closing the window can stop it whatever state the FX side shows. */
    private volatile PdsServer live;

    /** @param starter reads the configuration and starts the server (each start reads it anew) */
    public ServerHost(TaskRunner tasks, Clock clock, Callable<PdsServer> starter) {
        this.tasks = tasks;
        this.clock = clock;
        this.starter = starter;
    }

    /** Starts the server unless it is running or on its way. */
    public void start() {
        if (state.get() == ServerState.STARTING || state.get() == ServerState.RUNNING) return;
        state.set(ServerState.STARTING);
        problem.set("");
        tasks.run(() -> {
            PdsServer started = starter.call();
            live = started;
            return started;
        }, started -> {
            server.set(Optional.of(started));
            startedAt.set(Optional.of(clock.instant()));
            state.set(ServerState.RUNNING);
        }, failure -> {
            LOG.log(System.Logger.Level.ERROR, "the server could not start", failure);
            problem.set(StartupProblem.explain(failure));
            state.set(ServerState.FAILED);
        });
    }

    /** Stops the server (in the background: closing waits for requests in flight), then runs {@code then}. */
    public void stop(Runnable then) {
        Optional<PdsServer> running = server.get();
        if (running.isEmpty() || state.get() != ServerState.RUNNING) {
            then.run();
            return;
        }
        state.set(ServerState.STOPPING);
        server.set(Optional.empty());
        tasks.run(() -> {
            running.get().close();
            live = null;
        }, () -> {
            startedAt.set(Optional.empty());
            state.set(ServerState.STOPPED);
            then.run();
        }, failure -> {
            LOG.log(System.Logger.Level.ERROR, "the server did not stop cleanly", failure);
            startedAt.set(Optional.empty());
            state.set(ServerState.STOPPED);
            then.run();
        });
    }

    public void restart() {
        stop(this::start);
    }

    public ReadOnlyObjectProperty<ServerState> state() {
        return state.getReadOnlyProperty();
    }

    /** The running server; empty while stopped, starting or stopping. */
    public ReadOnlyObjectProperty<Optional<PdsServer>> server() {
        return server.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<Instant>> startedAt() {
        return startedAt.getReadOnlyProperty();
    }

    /** Why the last start failed, in plain words; empty otherwise. */
    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    /** Stops the server on the calling thread: the application is exiting and must not leave it half closed. */
    @Override public void close() {
        PdsServer running = live;
        live = null;
        if (running != null) running.close();
    }
}
