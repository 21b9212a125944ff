package org.auroralocus.server.xrpc;

import java.io.InputStream;
import java.util.Optional;

/**
 * A binary request body (uploadBlob, importRepo), streamed: never read whole into memory here.
 *
 * @param contentType   the declared Content-Type
 * @param contentLength the declared length, when the client gave one
 */
public record RawInput(String contentType, Optional<Long> contentLength, InputStream body) {}
