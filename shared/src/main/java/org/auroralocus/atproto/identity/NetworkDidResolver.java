package org.auroralocus.atproto.identity;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.auroralocus.atproto.identity.IdentityException.Reason;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;

/**
 * Resolves the two DID methods atproto supports (https://atproto.com/specs/did#blessed-did-methods), without a
 * cache (put a {@link CachingDidResolver} in front): {@code did:plc} with {@code GET <directory>/<did>}, and
 * hostname-level {@code did:web} with {@code GET https://<host>/.well-known/did.json}.
 *
 * <p>A 404 means the DID does not exist (empty); every other failure is an {@link IdentityException}. Neither
 * kind of request follows redirects, like the official resolvers. The PLC directory may be given its own
 * {@link SafeHttp}: its URL is the operator's configuration, not user data, and the embedded directory of a
 * local installation lives on loopback.
 */
public final class NetworkDidResolver implements DidResolver {
    public static final URI DEFAULT_PLC_DIRECTORY = URI.create("https://plc.directory");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    /** Real documents are a few kilobytes; the limit keeps a hostile did:web host from filling memory. */
    static final long MAX_DOCUMENT_BYTES = 64 * 1024;
    private static final String ACCEPT = "application/did+ld+json, application/json";
    private static final String WELL_KNOWN = "/.well-known/did.json";
    private static final String PLC_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int PLC_ID_LENGTH = 24;
    private static final int HTTP_GONE = 410;
    private static final int HTTP_NOT_FOUND = 404;

    private final String plcDirectory;
    private final SafeHttp plcHttp;
    private final SafeHttp webHttp;
    private final SafeHttp.Limits limits;

    /**
     * @param plcDirectory the PLC directory's base URL, e.g. {@link #DEFAULT_PLC_DIRECTORY}
     * @param plcHttp the client for the directory
     * @param webHttp the client for did:web hosts: protected against SSRF outside development
     */
    public NetworkDidResolver(URI plcDirectory, SafeHttp plcHttp, SafeHttp webHttp, Duration timeout) {
        String base = plcDirectory.toString();
        this.plcDirectory = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.plcHttp = plcHttp;
        this.webHttp = webHttp;
        this.limits = new SafeHttp.Limits(timeout, MAX_DOCUMENT_BYTES, 0, ACCEPT);
    }

    /** One client for both, and the default timeout. */
    public NetworkDidResolver(URI plcDirectory, SafeHttp http) {
        this(plcDirectory, http, http, DEFAULT_TIMEOUT);
    }

    @Override
    public Optional<DidDocument> resolve(Did did) {
        return switch (did.method()) {
            case "plc" -> fetch(did, plcHttp, plcUrl(did));
            case "web" -> fetch(did, webHttp, webUrl(did));
            default -> throw new IdentityException(Reason.UNSUPPORTED_METHOD,
                    "unsupported DID method \"" + did.method() + "\": " + did);
        };
    }

    private Optional<DidDocument> fetch(Did did, SafeHttp http, URI url) {
        SafeHttp.Response response;
        try {
            response = http.get(url, limits);
        } catch (ResponseTooLargeException e) {
            throw new IdentityException(Reason.BAD_DOCUMENT, "DID document of " + did + " refused: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IdentityException(Reason.UNAVAILABLE, "could not resolve " + did + ": " + e.getMessage(), e);
        }
        if (response.status() == HTTP_NOT_FOUND) return Optional.empty();
        if (response.status() == HTTP_GONE) {
            throw new IdentityException(Reason.DEACTIVATED, did + " is deactivated (" + url + " answered 410)");
        }
        if (!response.isSuccess()) {
            throw new IdentityException(Reason.UNAVAILABLE, "could not resolve " + did + ": " + url + " answered "
                    + response.status());
        }
        DidDocument document;
        try {
            document = DidDocument.parse(response.body());
        } catch (DidDocumentException e) {
            throw new IdentityException(Reason.BAD_DOCUMENT, "DID document of " + did + " is malformed: " + e.getMessage(), e);
        }
        if (!document.id().equals(did)) {
            throw new IdentityException(Reason.BAD_DOCUMENT, url + " returned the document of " + document.id()
                    + ", not of " + did);
        }
        return Optional.of(document);
    }

    private URI plcUrl(Did did) {
        String id = did.methodSpecificId();
        boolean wellFormed = id.length() == PLC_ID_LENGTH && id.chars().allMatch(c -> PLC_ID_ALPHABET.indexOf(c) >= 0);
        if (!wellFormed) {
            throw new IdentityException(Reason.INVALID_DID, "not a did:plc identifier (24 base32 characters): " + did);
        }
        return URI.create(plcDirectory + "/" + did.value());
    }

    /**
     * Only hostname-level did:web is supported. A port ({@code %3A}-encoded) is allowed for {@code localhost}
     * only, and localhost is fetched over plain HTTP: both exist for development, and {@link SafeHttp} with SSRF
     * protection refuses loopback anyway.
     */
    static URI webUrl(Did did) {
        String id = did.methodSpecificId();
        if (id.contains(":")) {
            throw new IdentityException(Reason.UNSUPPORTED_METHOD, "path-based did:web is not supported in atproto: " + did);
        }
        String hostAndPort = id.replace("%3A", ":").replace("%3a", ":");
        if (hostAndPort.contains("%")) {
            throw new IdentityException(Reason.INVALID_DID, "did:web host may only escape its port separator: " + did);
        }
        int colon = hostAndPort.indexOf(':');
        String host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
        boolean localhost = host.equals("localhost");
        if (colon >= 0 && (!localhost || !validPort(hostAndPort.substring(colon + 1)))) {
            throw new IdentityException(Reason.INVALID_DID, "did:web may have a port only on localhost: " + did);
        }
        if (!localhost && !(Handle.isValid(host) && Handle.parse(host).hasAllowedTld())) {
            throw new IdentityException(Reason.INVALID_DID, "did:web host is not a usable hostname: " + did);
        }
        return URI.create((localhost ? "http://" : "https://") + hostAndPort + WELL_KNOWN);
    }

    private static boolean validPort(String port) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) return false;
        int value = Integer.parseInt(port);
        return value > 0 && value <= 65535;
    }
}
