package org.auroralocus.server.account;

import java.time.Instant;

/** A freshly created app password, with the one and only copy of its secret. */
public record NewAppPassword(String name, String password, Instant createdAt, boolean privileged) {
    @Override public String toString() {
        return "NewAppPassword[name=" + name + ", password=hidden, createdAt=" + createdAt + ", privileged=" + privileged + "]";
    }
}
