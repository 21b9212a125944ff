package org.auroralocus.server.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A secret setting. Its {@code toString} hides the value so that it never reaches a log by accident. */
public record Secret(String value) {
    public Secret {
        if (value == null || value.isEmpty()) throw new IllegalArgumentException("a secret cannot be empty");
    }

    /** Compares in constant time, so response timing tells an attacker nothing about the secret. */
    public boolean matches(String candidate) {
        if (candidate == null) return false;
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override public String toString() {
        return "Secret[hidden]";
    }
}
