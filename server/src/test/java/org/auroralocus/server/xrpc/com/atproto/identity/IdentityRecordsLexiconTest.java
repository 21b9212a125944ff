package org.auroralocus.server.xrpc.com.atproto.identity;

import java.io.IOException;
import java.util.stream.Stream;
import org.auroralocus.server.xrpc.LexiconRecords;
import org.auroralocus.server.xrpc.NoInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The com.atproto.identity endpoints' records against the official lexicons (see {@link LexiconRecords}). */
class IdentityRecordsLexiconTest {
    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("com.atproto.identity.getRecommendedDidCredentials", "parameters", NoInput.class),
                Arguments.of("com.atproto.identity.getRecommendedDidCredentials", "output", GetRecommendedDidCredentials.Output.class),
                Arguments.of("com.atproto.identity.requestPlcOperationSignature", "input", NoInput.class),
                Arguments.of("com.atproto.identity.signPlcOperation", "input", SignPlcOperation.Input.class),
                Arguments.of("com.atproto.identity.signPlcOperation", "output", SignPlcOperation.Output.class),
                Arguments.of("com.atproto.identity.submitPlcOperation", "input", SubmitPlcOperation.Input.class),
                Arguments.of("com.atproto.identity.resolveDid", "parameters", ResolveDid.Params.class),
                Arguments.of("com.atproto.identity.resolveDid", "output", ResolveDid.Output.class),
                Arguments.of("com.atproto.identity.resolveIdentity", "parameters", ResolveIdentity.Params.class),
                Arguments.of("com.atproto.identity.resolveIdentity", "output", IdentityAnswers.IdentityInfo.class),
                Arguments.of("com.atproto.identity.refreshIdentity", "input", RefreshIdentity.Input.class),
                Arguments.of("com.atproto.identity.refreshIdentity", "output", IdentityAnswers.IdentityInfo.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("records")
    void theRecordMatchesTheLexicon(String nsid, String where, Class<? extends Record> type) throws IOException {
        LexiconRecords.assertMatches(nsid, where, type);
    }
}
