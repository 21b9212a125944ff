package org.auroralocus.server.xrpc;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Nsid;

/** Checks a request's credentials against a route's {@link Auth}; throws the official errors when they fail. */
@FunctionalInterface
public interface Authenticator {
    Caller authenticate(Auth auth, Nsid nsid, Optional<String> authorizationHeader);
}
