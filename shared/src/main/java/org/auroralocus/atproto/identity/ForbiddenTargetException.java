package org.auroralocus.atproto.identity;

import java.io.IOException;

/**
 * {@link SafeHttp} refused a URL before connecting: its scheme is not allowed, or its host resolves to an
 * address the {@link AddressPolicy} forbids (loopback, private, link-local, ...). Also thrown for a redirect to
 * such a URL.
 */
public final class ForbiddenTargetException extends IOException {
    public ForbiddenTargetException(String message) {
        super(message);
    }
}
