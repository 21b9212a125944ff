package org.auroralocus.server.firehose;

import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.util.Optional;

/**
 * Helidon's callbacks for one subscribeRepos connection. They run on the connection's own thread,
 * which must stay free to read the client's control frames, so the stream itself runs on the
 * {@link Subscriber}'s sender.
 */
final class FirehoseConnection implements WsListener {
    private final SubscribeRepos stream;
    private Optional<Subscriber> subscriber = Optional.empty();

    FirehoseConnection(SubscribeRepos stream) {
        this.stream = stream;
    }

    @Override public void onOpen(WsSession session) {
        Optional<String> raw = session.prologue().query().first("cursor").asOptional();
        Optional<Long> cursor;
        try {
            cursor = raw.map(Long::parseLong);
        } catch (NumberFormatException e) {
            // the XRPC layer's wording for a bad integer parameter; subscriptions report it in an error frame
            session.send(BufferData.create(FirehoseFrames.error("InvalidRequest",
                    "Invalid com.atproto.sync.subscribeRepos params: Expected integer value type (got \""
                            + raw.orElseThrow() + "\") at $.cursor")), true);
            session.close(WsCloseCodes.VIOLATED_POLICY, "InvalidRequest");
            return;
        }
        subscriber = Optional.of(stream.open(session, cursor));
    }

    @Override public void onClose(WsSession session, int status, String reason) {
        subscriber.ifPresent(Subscriber::stop);
    }

    @Override public void onError(WsSession session, Throwable t) {
        subscriber.ifPresent(Subscriber::stop);
    }
}
