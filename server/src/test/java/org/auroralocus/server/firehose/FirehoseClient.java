package org.auroralocus.server.firehose;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.server.TestPds;

/**
 * A subscribeRepos client over the JDK's WebSocket, as a relay would connect. A stalled client
 * never asks for messages (the JDK client then stops reading the socket) until {@link #resume()}.
 */
final class FirehoseClient implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One received message: its bytes, and the header and body decoded with our DAG-CBOR reader. */
    record Received(byte[] bytes, DataValue.MapValue header, DataValue.MapValue body, int headerLength) {
        static Received decode(byte[] bytes) {
            DagCbor.Prefix header = DagCbor.decodePrefix(bytes, 0);
            // the body must be exactly the rest: decode refuses trailing bytes
            DataValue body = DagCbor.decode(bytes, header.end(), bytes.length - header.end());
            return new Received(bytes, (DataValue.MapValue) header.value(), (DataValue.MapValue) body, header.end());
        }

        long op() {
            return ((DataValue.IntValue) header.get("op").orElseThrow()).value();
        }

        String type() {
            return header.text("t").orElse("");
        }

        long seq() {
            return ((DataValue.IntValue) body.get("seq").orElseThrow()).value();
        }

        String text(String key) {
            return body.text(key).orElseThrow(() -> new AssertionError("no " + key + " in " + body));
        }
    }

    /** How the server closed the connection. */
    record Closed(int code, String reason) {}

    private final LinkedBlockingQueue<Received> frames;
    private final CompletableFuture<Closed> closed;
    private final AtomicInteger pings;
    private final WebSocket socket;
    private final Optional<HttpClient> ownHttp;

    private FirehoseClient(Optional<HttpClient> ownHttp, WebSocket socket, Listener listener) {
        this.ownHttp = ownHttp;
        this.socket = socket;
        this.frames = listener.frames;
        this.closed = listener.closed;
        this.pings = listener.pings;
    }

    /** Connects with {@code query} ("" or "?cursor=n"), reading everything the server sends. */
    static FirehoseClient connect(TestPds pds, String query) {
        return connect(pds.server().port(), query);
    }

    static FirehoseClient connect(int port, String query) {
        HttpClient http = HttpClient.newHttpClient();
        return connect(http, Optional.of(http), port, query, true);
    }

    /** Connects through a shared HTTP client (many subscribers without a selector thread each). */
    static FirehoseClient connect(HttpClient shared, TestPds pds, String query) {
        return connect(shared, Optional.empty(), pds.server().port(), query, true);
    }

    /** A client that reads nothing until {@link #resume()}. */
    static FirehoseClient stalled(TestPds pds, String query) {
        return stalled(pds.server().port(), query);
    }

    static FirehoseClient stalled(int port, String query) {
        HttpClient http = HttpClient.newHttpClient();
        return connect(http, Optional.of(http), port, query, false);
    }

    private static FirehoseClient connect(HttpClient http, Optional<HttpClient> own, int port, String query,
                                          boolean reading) {
        URI uri = URI.create("ws://localhost:" + port + SubscribeRepos.PATH + query);
        Listener listener = new Listener(reading);
        WebSocket socket = http.newWebSocketBuilder().buildAsync(uri, listener).orTimeout(30, TimeUnit.SECONDS).join();
        return new FirehoseClient(own, socket, listener);
    }

    void resume() {
        socket.request(Long.MAX_VALUE);
    }

    Received next() {
        try {
            Received r = frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) throw new AssertionError("no frame within " + TIMEOUT + (closed.isDone() ? "; closed " + closed.join() : ""));
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    List<Received> next(int n) {
        List<Received> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(next());
        return out;
    }

    /** Frames already received, without waiting. */
    List<Received> drain() {
        List<Received> out = new ArrayList<>();
        frames.drainTo(out);
        return out;
    }

    Closed closed() {
        return closed.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** How many pings the server has sent (each answered with a pong by the JDK client). */
    int pings() {
        return pings.get();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        socket.abort();
        // close() would wait for the exchanges to finish; the socket is already aborted
        ownHttp.ifPresent(HttpClient::shutdownNow);
    }

    private static final class Listener implements WebSocket.Listener {
        private final boolean reading;
        private final LinkedBlockingQueue<Received> frames = new LinkedBlockingQueue<>();
        private final CompletableFuture<Closed> closed = new CompletableFuture<>();
        private final AtomicInteger pings = new AtomicInteger();
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        Listener(boolean reading) {
            this.reading = reading;
        }

        @Override public void onOpen(WebSocket webSocket) {
            if (reading) webSocket.request(Long.MAX_VALUE);
        }

        @Override public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            partial.writeBytes(chunk);
            if (last) {
                byte[] message = partial.toByteArray();
                partial.reset();
                frames.add(Received.decode(message));
            }
            return null;
        }

        @Override public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            // the JDK answers with a pong itself; the default would also ask for one more message
            pings.incrementAndGet();
            return null;
        }

        @Override public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }
    }
}
