package org.auroralocus.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.auroralocus.atproto.syntax.Nsid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MethodSetTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "PROTECTED, com.atproto.server.getSession, true",
            "PROTECTED, COM.atproto.Server.GETSESSION, true",
            "PROTECTED, com.atproto.server.getSessions, false",
            "PROTECTED, com.atproto.server.createSession, false",
            "PRIVILEGED, chat.bsky.convo.sendMessage, true",
            "PRIVILEGED, com.atproto.server.createaccount, true",
            "PRIVILEGED, chat.bsky.convo.getConvoAvailability, false",
            "PRIVILEGED, app.bsky.feed.getTimeline, false"})
    void matchesItsMethodsInAnyCaseAndNothingElse(String set, String method, boolean expected) {
        MethodSet methods = set.equals("PROTECTED") ? MethodSet.PROTECTED : MethodSet.PRIVILEGED;
        assertEquals(expected, methods.contains(Nsid.parse(method)));
    }
}
