package org.auroralocus.server.identity;

import java.util.List;
import java.util.Map;
import org.auroralocus.atproto.identity.plc.PlcOperation;
import org.auroralocus.atproto.identity.plc.PlcService;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.actor.ActorStores;

/** The DID document contents this server needs for an account it hosts (for migrations to this server). */
public final class DidCredentials {
    private final AccountService accounts;
    private final ActorStores actors;
    private final PlcIdentity plc;

    public DidCredentials(AccountService accounts, ActorStores actors, PlcIdentity plc) {
        this.accounts = accounts;
        this.actors = actors;
        this.plc = plc;
    }

    /**
     * The server's rotation key, {@code at://handle}, the account's signing key and this server as
     * {@code #atproto_pds}, as the official PDS recommends them.
     *
     * @throws PlcOperationException when no account with this DID is hosted here
     */
    public RecommendedCredentials recommended(Did did) {
        Account account = accounts.findByDid(did).orElseThrow(() -> new PlcOperationException("Account not found"));
        return new RecommendedCredentials(
                List.of(plc.rotationKey().didKey()),
                List.of("at://" + account.handle()),
                Map.of(PlcOperation.ATPROTO_KEY, signingKey(did)),
                Map.of(PlcService.ATPROTO_PDS, PlcService.atprotoPds(plc.pdsEndpoint())));
    }

    /** The account's repository signing key as a did:key. */
    String signingKey(Did did) {
        return actors.signingKey(did).publicKey().didKey();
    }
}
