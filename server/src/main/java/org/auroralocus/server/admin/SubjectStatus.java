package org.auroralocus.server.admin;

import java.util.Optional;

/**
 * A subject's moderation state (com.atproto.admin.getSubjectStatus).
 *
 * @param takedownRef the reference while taken down
 * @param deactivated for an account, whether it is deactivated; always false otherwise
 */
public record SubjectStatus(Subject subject, Optional<String> takedownRef, boolean deactivated) {}
