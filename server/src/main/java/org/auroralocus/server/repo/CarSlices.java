package org.auroralocus.server.repo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.car.CarWriter;

/** Small CAR files held in memory: the {@code blocks} of firehose events. */
final class CarSlices {
    private CarSlices() {}

    static byte[] of(Cid root, Iterable<Block> blocks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (CarWriter car = CarWriter.open(out, List.of(root))) {
            for (Block b : blocks) car.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
