package org.auroralocus.server.identity;

import org.auroralocus.atproto.identity.plc.PlcOperation;
import org.auroralocus.atproto.identity.plc.SignedPlcOp;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.account.EmailTokenPurpose;
import org.auroralocus.server.account.EmailTokens;
import org.auroralocus.server.mail.Mailer;

/**
 * Signs PLC operations for an account with the server's rotation key, once the account holder has
 * proved control of the account's e-mail with a code (the first half of moving an account away, or
 * of editing its DID document by hand). Signing does not submit: the operation goes back to the client.
 */
public final class PlcOperationSigner {
    private static final System.Logger LOG = System.getLogger(PlcOperationSigner.class.getName());

    private final AccountService accounts;
    private final EmailTokens tokens;
    private final PlcIdentity plc;
    private final Mailer mailer;

    public PlcOperationSigner(AccountService accounts, EmailTokens tokens, PlcIdentity plc, Mailer mailer) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.plc = plc;
        this.mailer = mailer;
    }

    /**
     * Issues the code that {@link #sign} asks for.
     *
     * @throws PlcOperationException when the account is unknown or has no e-mail address to send it to
     */
    public void requestSignature(Did did) {
        Account account = accounts.findByDid(did).orElseThrow(() -> new PlcOperationException("account not found"));
        if (account.email().isEmpty()) throw new PlcOperationException("account does not have an email address");
        String token = tokens.create(did, EmailTokenPurpose.PLC_OPERATION);
        mailer.sendCode(did, account.email().get(), EmailTokenPurpose.PLC_OPERATION, token);
    }

    /**
     * Uses up the code, then signs the DID's next operation: its latest state with {@code changes}
     * applied, following the latest operation.
     *
     * @throws org.auroralocus.server.account.EmailTokenException when the code is wrong or expired
     * @throws PlcOperationException when the DID is not a did:plc or is tombstoned
     */
    public SignedPlcOp sign(Did did, String token, PlcChanges changes) {
        requirePlc(did);
        tokens.consume(did, EmailTokenPurpose.PLC_OPERATION, token);
        PlcOperation next = plc.client().lastOp(did).nextOperation()
                .orElseThrow(() -> new PlcOperationException("Did is tombstoned"));
        SignedPlcOp signed = plc.sign(changes.applyTo(next));
        LOG.log(System.Logger.Level.INFO, "PLC operation signed did={0} cid={1}", did, signed.cid());
        return signed;
    }

    static void requirePlc(Did did) {
        if (!did.isPlc()) throw new PlcOperationException("Only did:plc identities have PLC operations: " + did);
    }
}
