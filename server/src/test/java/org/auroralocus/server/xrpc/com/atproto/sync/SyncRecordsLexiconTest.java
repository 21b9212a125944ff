package org.auroralocus.server.xrpc.com.atproto.sync;

import java.io.IOException;
import java.util.stream.Stream;
import org.auroralocus.server.xrpc.LexiconRecords;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The com.atproto.sync endpoints' params and output records against the official lexicons (see {@link LexiconRecords}). */
class SyncRecordsLexiconTest {
    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("com.atproto.sync.getRepo", "parameters", GetRepo.Params.class),
                Arguments.of("com.atproto.sync.getLatestCommit", "parameters", GetLatestCommit.Params.class),
                Arguments.of("com.atproto.sync.getLatestCommit", "output", GetLatestCommit.Output.class),
                Arguments.of("com.atproto.sync.getRepoStatus", "parameters", GetRepoStatus.Params.class),
                Arguments.of("com.atproto.sync.getRepoStatus", "output", GetRepoStatus.Output.class),
                Arguments.of("com.atproto.sync.listRepos", "parameters", ListRepos.Params.class),
                Arguments.of("com.atproto.sync.listRepos", "output", ListRepos.Output.class),
                Arguments.of("com.atproto.sync.listRepos", "output #repo", ListRepos.Repo.class),
                Arguments.of("com.atproto.sync.getRecord", "parameters", GetRecord.Params.class),
                Arguments.of("com.atproto.sync.getBlocks", "parameters", GetBlocks.Params.class),
                Arguments.of("com.atproto.sync.getBlob", "parameters", GetBlob.Params.class),
                Arguments.of("com.atproto.sync.listBlobs", "parameters", ListBlobs.Params.class),
                Arguments.of("com.atproto.sync.listBlobs", "output", ListBlobs.Output.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("records")
    void theRecordMatchesTheLexicon(String nsid, String where, Class<? extends Record> type) throws IOException {
        LexiconRecords.assertMatches(nsid, where, type);
    }
}
