package org.auroralocus.server.xrpc.com.atproto.sync;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.auroralocus.atproto.car.CarWriter;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.server.xrpc.Output;

/** CAR responses: written as they are produced, with no length, so nothing waits for the whole file. */
final class CarOutputs {
    static final String CONTENT_TYPE = "application/vnd.ipld.car";
    /** Sections are small writes (a prefix, then the block); batching them keeps the response in large chunks. */
    private static final int BUFFER = 64 * 1024;

    private CarOutputs() {}

    /** A CAR that {@code body} writes whole, header and sections. */
    static Output streamed(Sections body) {
        return new Output(CONTENT_TYPE, OptionalLong.empty(), Map.of(), out -> {
            BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
            try {
                body.write(buffered);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            buffered.flush();
        });
    }

    /** A CAR of blocks already in hand (a proof, a few requested blocks). */
    static Output of(List<Cid> roots, Iterable<Block> blocks) {
        return streamed(out -> {
            CarWriter car = CarWriter.open(out, roots);
            for (Block b : blocks) car.write(b);
        });
    }

    /** Writes a whole CAR to the response; an {@link UncheckedIOException} counts as the stream failing. */
    @FunctionalInterface
    interface Sections {
        void write(OutputStream out) throws IOException;
    }
}
