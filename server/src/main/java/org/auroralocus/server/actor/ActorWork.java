package org.auroralocus.server.actor;

import java.sql.SQLException;

/** Work on one actor store inside a scoped call. */
@FunctionalInterface
public interface ActorWork<A extends ActorRead, T> {
    T run(A actor) throws SQLException;
}
