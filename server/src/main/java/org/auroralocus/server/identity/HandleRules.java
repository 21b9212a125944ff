package org.auroralocus.server.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * Which handles an account here may have, with the official PDS's errors: valid syntax and TLD,
 * one label of 3 to 18 characters under a service domain (and not a reserved name), or, for an
 * existing account, a domain of its own that resolves to its DID.
 */
public final class HandleRules {
    private final List<String> serviceDomains;
    private final Function<Handle, Optional<Did>> resolver;

    /**
     * @param serviceDomains the {@code PDS_SERVICE_HANDLE_DOMAINS}, each starting with a dot
     * @param resolver       resolves a custom-domain handle (DNS TXT, then HTTPS well-known)
     */
    public HandleRules(List<String> serviceDomains, Function<Handle, Optional<Did>> resolver) {
        this.serviceDomains = List.copyOf(serviceDomains);
        this.resolver = resolver;
    }

    /** The normalized handle for a new account (which can only use the service domains). */
    public Handle forNewAccount(String raw) {
        Handle handle = syntax(raw);
        if (!isServiceDomain(handle)) {
            throw XrpcException.invalidRequest("UnsupportedDomain", "Not a supported handle domain");
        }
        serviceConstraints(handle);
        return handle;
    }

    /** The normalized handle for {@code did}'s handle change: a service-domain name, or a domain it proves. */
    public Handle forExistingAccount(String raw, Did did) {
        Handle handle = syntax(raw);
        if (isServiceDomain(handle)) {
            serviceConstraints(handle);
        } else if (!resolver.apply(handle).map(did::equals).orElse(false)) {
            throw XrpcException.invalidRequest("External handle did not resolve to DID");
        }
        return handle;
    }

    public boolean isServiceDomain(Handle handle) {
        return domainOf(handle).isPresent();
    }

    private static Handle syntax(String raw) {
        Handle handle;
        try {
            handle = Handle.parse(raw.toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw XrpcException.invalidRequest("InvalidHandle", "Invalid handle: " + raw);
        }
        if (!handle.hasAllowedTld()) {
            throw XrpcException.invalidRequest("InvalidHandle", "Handle TLD is invalid or disallowed");
        }
        return handle;
    }

    private void serviceConstraints(Handle handle) {
        String value = handle.toString();
        String front = value.substring(0, value.length() - domainOf(handle).orElseThrow().length());
        if (front.contains(".")) throw XrpcException.invalidRequest("InvalidHandle", "Invalid characters in handle");
        if (front.length() < 3) throw XrpcException.invalidRequest("InvalidHandle", "Handle too short");
        if (front.length() > 18) throw XrpcException.invalidRequest("InvalidHandle", "Handle too long");
        if (ReservedHandles.isReserved(front)) throw XrpcException.invalidRequest("HandleNotAvailable", "Reserved handle");
    }

    private Optional<String> domainOf(Handle handle) {
        String value = handle.toString();
        return serviceDomains.stream().filter(value::endsWith).findFirst();
    }
}
