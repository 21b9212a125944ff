package org.auroralocus.server.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.identity.DidDocument;
import org.auroralocus.atproto.identity.DidResolver;
import org.auroralocus.atproto.identity.IdentityException;
import org.auroralocus.atproto.syntax.Did;

/**
 * DID documents from a map instead of the network: what a DID "currently" resolves to, with a count
 * of lookups. Put a {@code CachingDidResolver} in front to get a cache that can go stale.
 */
public final class TestDidResolver implements DidResolver {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Did, DidDocument> documents = new ConcurrentHashMap<>();
    private final Map<Did, IdentityException> failures = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    /** The DID now resolves to a document whose {@code #atproto} key is {@code key}. */
    public void publish(Did did, PublicKey key) {
        publish(document(did, Map.of("atproto", key)));
    }

    public void publish(DidDocument document) {
        failures.remove(document.id());
        documents.put(document.id(), document);
    }

    /** Resolving the DID now fails as a network failure would. */
    public void fail(Did did, IdentityException failure) {
        failures.put(did, failure);
    }

    public int lookups() {
        return lookups.get();
    }

    @Override public Optional<DidDocument> resolve(Did did) {
        lookups.incrementAndGet();
        IdentityException failure = failures.get(did);
        if (failure != null) throw failure;
        return Optional.ofNullable(documents.get(did));
    }

    /** A document with a Multikey verification method per fragment ({@code atproto}, {@code atproto_label}). */
    public static DidDocument document(Did did, Map<String, PublicKey> keysByFragment) {
        ObjectNode doc = JSON.createObjectNode().put("id", did.value());
        doc.putArray("alsoKnownAs");
        ArrayNode methods = doc.putArray("verificationMethod");
        new LinkedHashMap<>(keysByFragment).forEach((fragment, key) -> methods.addObject()
                .put("id", did.value() + "#" + fragment)
                .put("type", "Multikey")
                .put("controller", did.value())
                .put("publicKeyMultibase", key.multikey()));
        doc.putArray("service");
        return DidDocument.parse(doc.toString());
    }
}
