package org.auroralocus.server.account;

import java.time.Instant;

/** An app password as listed: its secret is never shown again after creation. */
public record AppPassword(String name, Instant createdAt, boolean privileged) {}
