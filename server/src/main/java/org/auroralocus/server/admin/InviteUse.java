package org.auroralocus.server.admin;

import java.time.Instant;
import org.auroralocus.atproto.syntax.Did;

/** One sign-up with an invite code. */
public record InviteUse(Did usedBy, Instant usedAt) {}
