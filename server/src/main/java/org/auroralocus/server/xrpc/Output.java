package org.auroralocus.server.xrpc;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.OptionalLong;

/**
 * An output that is not a JSON record: bytes written straight to the response (CAR files, blobs),
 * with their content type, optional length and extra headers.
 */
public record Output(String contentType, OptionalLong contentLength, Map<String, String> headers, Body body) {

    /** Writes the body; called once, after the status and headers are set. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static Output of(String contentType, byte[] bytes) {
        return new Output(contentType, OptionalLong.of(bytes.length), Map.of(), out -> out.write(bytes));
    }
}
