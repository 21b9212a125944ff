package org.auroralocus.server.account.db;

import java.time.Instant;
import org.auroralocus.atproto.syntax.Did;

/** A row of {@code app_password}; {@code passwordHash} is the encoded hash with its parameters. */
public record AppPasswordRow(Did did, String name, String passwordHash, boolean privileged, Instant createdAt) {}
