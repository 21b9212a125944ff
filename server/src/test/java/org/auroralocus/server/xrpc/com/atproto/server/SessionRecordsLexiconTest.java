package org.auroralocus.server.xrpc.com.atproto.server;

import java.io.IOException;
import java.util.stream.Stream;
import org.auroralocus.server.xrpc.LexiconRecords;
import org.auroralocus.server.xrpc.NoInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The session and account endpoints' input and output records against the official lexicons (see {@link LexiconRecords}). */
class SessionRecordsLexiconTest {
    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("com.atproto.server.createSession", "input", CreateSession.Input.class),
                Arguments.of("com.atproto.server.createSession", "output", CreateSession.Output.class),
                Arguments.of("com.atproto.server.refreshSession", "output", CreateSession.Output.class),
                Arguments.of("com.atproto.server.getSession", "output", GetSession.Output.class),
                Arguments.of("com.atproto.server.createAppPassword", "input", CreateAppPassword.Input.class),
                Arguments.of("com.atproto.server.createAppPassword", "output", CreateAppPassword.Output.class),
                Arguments.of("com.atproto.server.listAppPasswords", "output", ListAppPasswords.Output.class),
                Arguments.of("com.atproto.server.listAppPasswords", "output #appPassword", ListAppPasswords.AppPassword.class),
                Arguments.of("com.atproto.server.revokeAppPassword", "input", RevokeAppPassword.Input.class),
                Arguments.of("com.atproto.server.deleteSession", "input", NoInput.class),
                Arguments.of("com.atproto.server.getSession", "input", NoInput.class),
                Arguments.of("com.atproto.server.checkAccountStatus", "output", CheckAccountStatus.Output.class),
                Arguments.of("com.atproto.server.activateAccount", "input", NoInput.class),
                Arguments.of("com.atproto.server.deactivateAccount", "input", DeactivateAccount.Input.class),
                Arguments.of("com.atproto.server.requestAccountDelete", "input", NoInput.class),
                Arguments.of("com.atproto.server.deleteAccount", "input", DeleteAccount.Input.class),
                Arguments.of("com.atproto.server.requestEmailConfirmation", "input", NoInput.class),
                Arguments.of("com.atproto.server.confirmEmail", "input", ConfirmEmail.Input.class),
                Arguments.of("com.atproto.server.requestPasswordReset", "input", RequestPasswordReset.Input.class),
                Arguments.of("com.atproto.server.resetPassword", "input", ResetPassword.Input.class),
                Arguments.of("com.atproto.server.requestEmailUpdate", "input", NoInput.class),
                Arguments.of("com.atproto.server.requestEmailUpdate", "output", RequestEmailUpdate.Output.class),
                Arguments.of("com.atproto.server.updateEmail", "input", UpdateEmail.Input.class),
                Arguments.of("com.atproto.server.createInviteCode", "input", CreateInviteCode.Input.class),
                Arguments.of("com.atproto.server.createInviteCode", "output", CreateInviteCode.Output.class),
                Arguments.of("com.atproto.server.createInviteCodes", "input", CreateInviteCodes.Input.class),
                Arguments.of("com.atproto.server.createInviteCodes", "output", CreateInviteCodes.Output.class),
                Arguments.of("com.atproto.server.createInviteCodes", "output #accountCodes", CreateInviteCodes.AccountCodes.class),
                Arguments.of("com.atproto.server.getAccountInviteCodes", "parameters", GetAccountInviteCodes.Params.class),
                Arguments.of("com.atproto.server.getAccountInviteCodes", "output", GetAccountInviteCodes.Output.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("records")
    void theRecordMatchesTheLexicon(String nsid, String where, Class<? extends Record> type) throws IOException {
        LexiconRecords.assertMatches(nsid, where, type);
    }
}
