package org.auroralocus.server.actor;

/** No actor store exists for the DID: the account is not hosted here (or was deleted). */
public final class ActorNotFoundException extends RuntimeException {
    public ActorNotFoundException(String did) {
        super("no actor store for " + did);
    }
}
