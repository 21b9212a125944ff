package org.auroralocus.server.admin;

import java.util.Optional;

/**
 * The lexicon's {@code com.atproto.admin.defs#statusAttr}: a status applied or lifted, with the
 * moderation reference when applied.
 */
public record StatusAttr(boolean applied, Optional<String> ref) {}
