package org.auroralocus.server.xrpc.com.atproto.repo;

import java.io.IOException;
import java.util.stream.Stream;
import org.auroralocus.server.repo.CommitMeta;
import org.auroralocus.server.xrpc.LexiconRecords;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The com.atproto.repo record endpoints' params, input and output records against the official lexicons (see {@link LexiconRecords}). */
class RepoRecordsLexiconTest {
    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("com.atproto.repo.createRecord", "input", CreateRecord.Input.class),
                Arguments.of("com.atproto.repo.createRecord", "output", CreateRecord.Output.class),
                Arguments.of("com.atproto.repo.putRecord", "input", PutRecord.Input.class),
                Arguments.of("com.atproto.repo.putRecord", "output", CreateRecord.Output.class),
                Arguments.of("com.atproto.repo.deleteRecord", "input", DeleteRecord.Input.class),
                Arguments.of("com.atproto.repo.deleteRecord", "output", DeleteRecord.Output.class),
                Arguments.of("com.atproto.repo.applyWrites", "input", ApplyWrites.Input.class),
                Arguments.of("com.atproto.repo.applyWrites", "output", ApplyWrites.Output.class),
                Arguments.of("com.atproto.repo.applyWrites", "output #createResult", ApplyWrites.CreateResult.class),
                Arguments.of("com.atproto.repo.applyWrites", "output #updateResult", ApplyWrites.UpdateResult.class),
                Arguments.of("com.atproto.repo.applyWrites", "output #deleteResult", ApplyWrites.DeleteResult.class),
                Arguments.of("com.atproto.repo.getRecord", "parameters", GetRecord.Params.class),
                Arguments.of("com.atproto.repo.getRecord", "output", GetRecord.Output.class),
                Arguments.of("com.atproto.repo.listRecords", "parameters", ListRecords.Params.class),
                Arguments.of("com.atproto.repo.listRecords", "output", ListRecords.Output.class),
                Arguments.of("com.atproto.repo.listRecords", "output #record", ListRecords.ListedRecord.class),
                Arguments.of("com.atproto.repo.describeRepo", "parameters", DescribeRepo.Params.class),
                Arguments.of("com.atproto.repo.describeRepo", "output", DescribeRepo.Output.class),
                Arguments.of("com.atproto.repo.defs", "output #commitMeta", CommitMeta.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("records")
    void theRecordMatchesTheLexicon(String nsid, String where, Class<? extends Record> type) throws IOException {
        LexiconRecords.assertMatches(nsid, where, type);
    }
}
