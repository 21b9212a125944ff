package org.auroralocus.server.sequencer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Did;

/**
 * An event as the log holds it: its {@code seq}, when it was sequenced (to the millisecond, as the
 * frames carry it), its type ({@code #commit}, {@code #sync}, {@code #identity}, {@code #account})
 * and its subscribeRepos body without {@code seq} and {@code time}.
 */
public record SequencedEvent(long seq, Did did, String type, Instant time, DataValue.MapValue body) {
    private static final DateTimeFormatter FRAME_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public SequencedEvent {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        if (!time.equals(time.truncatedTo(ChronoUnit.MILLIS))) {
            throw new IllegalArgumentException("event times are kept to the millisecond: " + time);
        }
    }

    /**
     * The {@code time} field of the frame, {@code 2026-01-02T03:04:05.678Z}: always three fraction
     * digits, as the official PDS writes it, so a replayed frame is byte-identical to the live one and
     * the stored text sorts in time order.
     */
    public String timestamp() {
        return FRAME_TIME.format(time);
    }

    static String timestamp(Instant time) {
        return FRAME_TIME.format(time);
    }
}
