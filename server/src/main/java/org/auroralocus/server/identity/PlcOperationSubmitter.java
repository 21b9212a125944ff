package org.auroralocus.server.identity;

import java.util.Optional;
import org.auroralocus.atproto.identity.CachingDidResolver;
import org.auroralocus.atproto.identity.plc.PlcOperation;
import org.auroralocus.atproto.identity.plc.PlcService;
import org.auroralocus.atproto.identity.plc.SignedPlcOp;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.sequencer.RepoEvent;
import org.auroralocus.server.sequencer.Sequencer;

/**
 * Sends an account's signed PLC operation to the directory, but only one that keeps the account
 * working here: the server keeps a rotation key, the account keeps its signing key, handle and PDS.
 * Relays then hear of the change through an {@code #identity} event.
 */
public final class PlcOperationSubmitter {
    private static final System.Logger LOG = System.getLogger(PlcOperationSubmitter.class.getName());

    private final AccountService accounts;
    private final DidCredentials credentials;
    private final PlcIdentity plc;
    private final Sequencer sequencer;
    private final CachingDidResolver didCache;

    public PlcOperationSubmitter(AccountService accounts, DidCredentials credentials, PlcIdentity plc,
                                 Sequencer sequencer, CachingDidResolver didCache) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.plc = plc;
        this.sequencer = sequencer;
        this.didCache = didCache;
    }

    /**
     * Checks the operation against the account (the official PDS's checks and messages, in its order),
     * submits it, and announces it.
     *
     * @throws PlcOperationException when the operation would leave the account unusable here
     * @throws org.auroralocus.atproto.identity.plc.PlcRejectedException when the directory refuses it
     */
    public void submit(Did did, SignedPlcOp signed) {
        PlcOperationSigner.requirePlc(did);
        if (!(signed.op() instanceof PlcOperation op)) throw new PlcOperationException("Invalid operation");
        if (!op.rotationKeys().contains(plc.rotationKey().didKey())) {
            throw new PlcOperationException("Rotation keys do not include server's rotation key");
        }
        Optional<PlcService> pds = Optional.ofNullable(op.services().get(PlcService.ATPROTO_PDS));
        if (!pds.map(PlcService::type).equals(Optional.of(PlcService.ATPROTO_PDS_TYPE))) {
            throw new PlcOperationException("Incorrect type on atproto_pds service");
        }
        if (!pds.map(PlcService::endpoint).equals(Optional.of(plc.pdsEndpoint()))) {
            throw new PlcOperationException("Incorrect endpoint on atproto_pds service");
        }
        Account account = accounts.findByDid(did).orElseThrow(() -> new PlcOperationException("Account not found"));
        if (!op.signingKey().equals(Optional.of(credentials.signingKey(did)))) {
            throw new PlcOperationException("Incorrect signing key");
        }
        if (!op.alsoKnownAs().stream().findFirst().equals(Optional.of("at://" + account.handle()))) {
            throw new PlcOperationException("Incorrect handle in alsoKnownAs");
        }
        plc.submit(did, signed);
        // forget the old document before relays hear of the new one: they may ask us for it at once
        didCache.invalidate(did);
        sequencer.append(new RepoEvent.IdentityEvent(did, Optional.empty()));
        LOG.log(System.Logger.Level.INFO, "PLC operation submitted did={0} cid={1}", did, signed.cid());
    }
}
