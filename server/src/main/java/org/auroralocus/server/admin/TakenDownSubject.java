package org.auroralocus.server.admin;

import java.time.Instant;

/** A current takedown: of what, under which moderation reference, since when. */
public record TakenDownSubject(Subject subject, String reference, Instant at) {}
