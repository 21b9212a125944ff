package org.auroralocus.server.xrpc.com.atproto.repo;

import java.io.IOException;
import java.util.stream.Stream;
import org.auroralocus.server.xrpc.LexiconRecords;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The blob endpoints' records against the official lexicons (see {@link LexiconRecords}). */
class BlobRecordsLexiconTest {
    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("com.atproto.repo.uploadBlob", "output", UploadBlob.Output.class),
                Arguments.of("com.atproto.repo.listMissingBlobs", "parameters", ListMissingBlobs.Params.class),
                Arguments.of("com.atproto.repo.listMissingBlobs", "output", ListMissingBlobs.Output.class),
                Arguments.of("com.atproto.repo.listMissingBlobs", "output #recordBlob", ListMissingBlobs.RecordBlob.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("records")
    void theRecordMatchesTheLexicon(String nsid, String where, Class<? extends Record> type) throws IOException {
        LexiconRecords.assertMatches(nsid, where, type);
    }
}
