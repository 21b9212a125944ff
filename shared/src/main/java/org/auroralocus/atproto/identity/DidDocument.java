package org.auroralocus.atproto.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.auroralocus.atproto.crypto.KeyFormatException;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.SyntaxException;

/**
 * A DID document (https://atproto.com/specs/did#did-documents) and the atproto data in it: the signing key,
 * the handle, the PDS and other service endpoints.
 *
 * <p>A class rather than a record because it keeps the document's JSON as received ({@link #json()}), unknown
 * fields included, beside the fields it understands: {@code com.atproto.identity.resolveDid} answers with the
 * complete document. Parsing is as tolerant as the official implementation: only the fields read here must
 * have the right shape, and ids may be relative ({@code #atproto}) or absolute ({@code did:...#atproto}).
 */
public final class DidDocument {
    // trailing garbage fails, as in JavaScript's JSON.parse; a duplicate key keeps its last value, as there too
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final String ATPROTO_KEY = "#atproto";
    private static final String PDS_ID = "#atproto_pds";
    private static final String PDS_TYPE = "AtprotoPersonalDataServer";
    private static final String HANDLE_SCHEME = "at://";

    private final Did id;
    private final List<String> alsoKnownAs;
    private final List<VerificationMethod> verificationMethods;
    private final List<DidService> services;
    private final String json;

    private DidDocument(Did id, List<String> alsoKnownAs, List<VerificationMethod> verificationMethods,
            List<DidService> services, String json) {
        this.id = id;
        this.alsoKnownAs = List.copyOf(alsoKnownAs);
        this.verificationMethods = List.copyOf(verificationMethods);
        this.services = List.copyOf(services);
        this.json = json;
    }

    /** Parses a document from JSON text; throws {@link DidDocumentException} saying which field is wrong. */
    public static DidDocument parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DidDocumentException("DID document is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) throw new DidDocumentException("DID document must be a JSON object");
        Did id;
        try {
            id = Did.parse(text(root, "id", "DID document"));
        } catch (SyntaxException e) {
            throw new DidDocumentException("DID document id: " + e.getMessage(), e);
        }
        return new DidDocument(id,
                array(root, "alsoKnownAs", node -> textValue(node, "alsoKnownAs entry")),
                array(root, "verificationMethod", DidDocument::verificationMethod),
                array(root, "service", DidDocument::service),
                json);
    }

    /** Parses a document from UTF-8 JSON bytes, as an HTTP body holds it. */
    public static DidDocument parse(byte[] json) {
        return parse(new String(json, StandardCharsets.UTF_8));
    }

    public Did id() {
        return id;
    }

    /** The {@code alsoKnownAs} URIs in document order; handles are the {@code at://} ones. */
    public List<String> alsoKnownAs() {
        return alsoKnownAs;
    }

    public List<VerificationMethod> verificationMethods() {
        return verificationMethods;
    }

    public List<DidService> services() {
        return services;
    }

    /** The document exactly as it was parsed. */
    public String json() {
        return json;
    }

    /**
     * The handle this document claims: the first {@code at://} entry of {@code alsoKnownAs}, empty when there is
     * none or when that first entry is not a valid handle (later entries are ignored, as the spec says). A claim
     * only: it is the account's handle once the handle also resolves back to this DID. Lower-cased, the only
     * form handles are compared in.
     */
    public Optional<Handle> handle() {
        return alsoKnownAs.stream()
                .filter(uri -> uri.startsWith(HANDLE_SCHEME))
                .findFirst()
                .map(uri -> uri.substring(HANDLE_SCHEME.length()))
                .filter(Handle::isValid)
                .map(raw -> Handle.parse(raw).normalized());
    }

    /**
     * The atproto signing key: the first {@code #atproto} verification method holding a key this project can
     * read (Multikey, or a legacy secp256k1/P-256 form). Empty means the account is broken for atproto.
     */
    public Optional<PublicKey> atprotoKey() {
        return verificationMethods.stream()
                .filter(method -> refersTo(method.id(), ATPROTO_KEY))
                .flatMap(method -> readableKey(method).stream())
                .findFirst();
    }

    /** The PDS: the {@code #atproto_pds} service of type {@code AtprotoPersonalDataServer}, as an http(s) URL. */
    public Optional<URI> pdsEndpoint() {
        return serviceEndpoint(PDS_ID, PDS_TYPE);
    }

    /**
     * The endpoint of the first service with this id ({@code #bsky_appview} or {@code bsky_appview}, matched
     * against relative and absolute service ids) and type ({@code BskyAppView}), as an http(s) URL. Like the
     * official implementation, only the first service with the id is considered: a later one of the right type
     * does not count.
     */
    public Optional<URI> serviceEndpoint(String id, String type) {
        String fragment = id.startsWith("#") ? id : "#" + id;
        return services.stream()
                .filter(service -> refersTo(service.id(), fragment))
                .findFirst()
                .filter(service -> service.type().equals(type))
                .flatMap(DidService::endpointUrl);
    }

    /** True when an entry id ({@code #atproto} or {@code <this DID>#atproto}) names the fragment. */
    private boolean refersTo(String entryId, String fragment) {
        return entryId.equals(fragment) || entryId.equals(id.value() + fragment);
    }

    private static Optional<PublicKey> readableKey(VerificationMethod method) {
        try {
            return Optional.of(method.publicKey());
        } catch (KeyFormatException e) {
            // the spec asks for the first *valid* atproto key: a broken entry is skipped, not fatal
            return Optional.empty();
        }
    }

    private static VerificationMethod verificationMethod(JsonNode node) {
        String where = "verificationMethod entry";
        requireObject(node, where);
        return new VerificationMethod(text(node, "id", where), text(node, "type", where),
                text(node, "controller", where), optionalText(node, "publicKeyMultibase", where));
    }

    private static DidService service(JsonNode node) {
        String where = "service entry";
        requireObject(node, where);
        JsonNode endpoint = node.get("serviceEndpoint");
        if (endpoint == null || !(endpoint.isTextual() || endpoint.isObject())) {
            throw new DidDocumentException(where + " needs a serviceEndpoint string or object");
        }
        return new DidService(text(node, "id", where), text(node, "type", where),
                endpoint.isTextual() ? Optional.of(endpoint.textValue()) : Optional.empty());
    }

    private static <T> List<T> array(JsonNode root, String field, Function<JsonNode, T> element) {
        JsonNode node = root.get(field);
        if (node == null) return List.of();
        if (!node.isArray()) throw new DidDocumentException("DID document " + field + " must be an array");
        List<T> out = new ArrayList<>(node.size());
        node.forEach(item -> out.add(element.apply(item)));
        return out;
    }

    private static void requireObject(JsonNode node, String where) {
        if (!node.isObject()) throw new DidDocumentException(where + " must be an object");
    }

    private static String text(JsonNode object, String field, String where) {
        JsonNode node = object.get(field);
        if (node == null) throw new DidDocumentException(where + " has no " + field);
        return textValue(node, where + " " + field);
    }

    private static Optional<String> optionalText(JsonNode object, String field, String where) {
        JsonNode node = object.get(field);
        return node == null ? Optional.empty() : Optional.of(textValue(node, where + " " + field));
    }

    private static String textValue(JsonNode node, String what) {
        if (!node.isTextual()) throw new DidDocumentException(what + " must be a string");
        return node.textValue();
    }

    /** Two documents are equal when their JSON text is. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DidDocument other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "DidDocument[" + id + "]";
    }
}
