package org.auroralocus.server.xrpc.com.atproto.admin;

import java.io.IOException;
import java.util.stream.Stream;
import org.auroralocus.server.admin.StatusAttr;
import org.auroralocus.server.xrpc.LexiconRecords;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The admin endpoints' records against the official lexicons (see {@link LexiconRecords}). */
class AdminRecordsLexiconTest {
    static Stream<Arguments> records() {
        String defs = "com.atproto.admin.defs";
        return Stream.of(
                Arguments.of(defs, "defs #accountView", AdminViews.AccountView.class),
                Arguments.of(defs, "defs #statusAttr", StatusAttr.class),
                Arguments.of("com.atproto.server.defs", "defs #inviteCode", AdminViews.InviteCodeView.class),
                Arguments.of("com.atproto.server.defs", "defs #inviteCodeUse", AdminViews.InviteCodeUse.class),
                Arguments.of("com.atproto.admin.getAccountInfo", "parameters", GetAccountInfo.Params.class),
                Arguments.of("com.atproto.admin.getAccountInfos", "parameters", GetAccountInfos.Params.class),
                Arguments.of("com.atproto.admin.getAccountInfos", "output", GetAccountInfos.Output.class),
                Arguments.of("com.atproto.admin.searchAccounts", "parameters", SearchAccounts.Params.class),
                Arguments.of("com.atproto.admin.searchAccounts", "output", SearchAccounts.Output.class),
                Arguments.of("com.atproto.admin.updateSubjectStatus", "input", UpdateSubjectStatus.Input.class),
                Arguments.of("com.atproto.admin.updateSubjectStatus", "output", UpdateSubjectStatus.Output.class),
                Arguments.of("com.atproto.admin.getSubjectStatus", "parameters", GetSubjectStatus.Params.class),
                Arguments.of("com.atproto.admin.getSubjectStatus", "output", GetSubjectStatus.Output.class),
                Arguments.of("com.atproto.admin.updateAccountHandle", "input", UpdateAccountHandle.Input.class),
                Arguments.of("com.atproto.admin.updateAccountEmail", "input", UpdateAccountEmail.Input.class),
                Arguments.of("com.atproto.admin.updateAccountPassword", "input", UpdateAccountPassword.Input.class),
                Arguments.of("com.atproto.admin.deleteAccount", "input", DeleteAccount.Input.class),
                Arguments.of("com.atproto.admin.sendEmail", "input", SendEmail.Input.class),
                Arguments.of("com.atproto.admin.sendEmail", "output", SendEmail.Output.class),
                Arguments.of("com.atproto.admin.getInviteCodes", "parameters", GetInviteCodes.Params.class),
                Arguments.of("com.atproto.admin.getInviteCodes", "output", GetInviteCodes.Output.class),
                Arguments.of("com.atproto.admin.disableInviteCodes", "input", DisableInviteCodes.Input.class),
                Arguments.of("com.atproto.admin.enableAccountInvites", "input", EnableAccountInvites.Input.class),
                Arguments.of("com.atproto.admin.disableAccountInvites", "input", DisableAccountInvites.Input.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("records")
    void theRecordMatchesTheLexicon(String nsid, String where, Class<? extends Record> type) throws IOException {
        LexiconRecords.assertMatches(nsid, where, type);
    }
}
