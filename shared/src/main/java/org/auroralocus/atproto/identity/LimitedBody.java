package org.auroralocus.atproto.identity;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into bytes, but cancels the exchange as soon as the body (or its declared
 * Content-Length) exceeds the limit: a hostile server must not make us buffer an endless stream.
 * Reactive-streams signals arrive one at a time, so the fields need no locking.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long maxBytes;
    private final URI uri;
    private final OptionalLong declaredLength;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    LimitedBody(HttpResponse.ResponseInfo info, long maxBytes, URI uri) {
        this.maxBytes = maxBytes;
        this.uri = uri;
        this.declaredLength = info.headers().firstValueAsLong("Content-Length");
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declaredLength.isPresent() && declaredLength.getAsLong() > maxBytes) {
            fail(declaredLength.getAsLong() + " bytes declared");
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) return;
        for (ByteBuffer item : items) {
            if (buffer.size() + (long) item.remaining() > maxBytes) {
                fail("more than " + maxBytes + " bytes sent");
                return;
            }
            byte[] bytes = new byte[item.remaining()];
            item.get(bytes);
            buffer.writeBytes(bytes);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    private void fail(String what) {
        subscription.cancel();
        result.completeExceptionally(new ResponseTooLargeException(
                "response from " + uri + " is too large: " + what + ", the limit is " + maxBytes));
    }
}
