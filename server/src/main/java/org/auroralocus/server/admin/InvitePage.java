package org.auroralocus.server.admin;

import java.util.List;
import java.util.Optional;

/** A page of invite codes, newest first; {@code cursor} asks for the next one. */
public record InvitePage(List<InviteCode> codes, Optional<String> cursor) {
    public InvitePage {
        codes = List.copyOf(codes);
    }
}
