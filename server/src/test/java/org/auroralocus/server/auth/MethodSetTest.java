package org.auroralocus.server.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.auroralocus.atproto.syntax.Nsid;
import org.junit.jupiter.api.Test;

class MethodSetTest {
    @Test
    void matchesMethodsInAnyCase() {
        assertTrue(MethodSet.PROTECTED.contains(Nsid.parse("com.atproto.server.getSession")));
        assertTrue(MethodSet.PROTECTED.contains(Nsid.parse("COM.atproto.Server.GETSESSION")));
        assertTrue(MethodSet.PRIVILEGED.contains(Nsid.parse("chat.bsky.convo.sendMessage")));
        assertTrue(MethodSet.PRIVILEGED.contains(Nsid.parse("com.atproto.server.createaccount")));
    }

    @Test
    void holdsNothingElse() {
        assertFalse(MethodSet.PROTECTED.contains(Nsid.parse("com.atproto.server.getSessions")));
        assertFalse(MethodSet.PROTECTED.contains(Nsid.parse("com.atproto.server.createSession")));
        assertFalse(MethodSet.PRIVILEGED.contains(Nsid.parse("chat.bsky.convo.getConvoAvailability")));
        assertFalse(MethodSet.PRIVILEGED.contains(Nsid.parse("app.bsky.feed.getTimeline")));
    }
}
