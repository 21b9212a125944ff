package org.auroralocus.server.xrpc.com.atproto.repo;

import java.util.Locale;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.actor.ActorNotFoundException;
import org.auroralocus.server.config.PdsConfig;
import org.auroralocus.server.repo.RepoImportException;
import org.auroralocus.server.repo.RepoService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.RawInput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;
import org.auroralocus.server.xrpc.com.atproto.server.TakedownCheck;

/**
 * com.atproto.repo.importRepo: replaces the caller's repository with the one in the uploaded CAR,
 * the step of an account migration that brings the records over (blobs follow with uploadBlob, guided
 * by listMissingBlobs). Served also while the account is deactivated, as it is during a migration.
 */
public final class ImportRepo implements XrpcProcedure<RawInput, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.repo.importRepo");
    private static final String CAR = "application/vnd.ipld.car";

    private final TakedownCheck takedowns;
    private final RepoService repos;
    private final PdsConfig.RepoImports settings;

    public ImportRepo(AccountService accounts, RepoService repos, PdsConfig.RepoImports settings) {
        this.takedowns = new TakedownCheck(accounts);
        this.repos = repos;
        this.settings = settings;
    }

    @Override public NoOutput handle(RawInput input, Caller caller) {
        Did did = takedowns.require(((Caller.User) caller).did()).did();
        if (!settings.accepting()) throw XrpcException.invalidRequest("Service is not accepting repo imports");
        String mime = input.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mime.equals(CAR)) throw XrpcException.invalidRequest("Wrong request encoding (Content-Type): " + input.contentType());
        if (input.contentLength().filter(length -> length > settings.maxSize()).isPresent()) throw XrpcException.payloadTooLarge();
        try {
            repos.importRepo(did, input.body(), settings.maxSize());
            return NoOutput.INSTANCE;
        } catch (RepoImportException e) {
            throw switch (e.problem()) {
                case TOO_LARGE -> XrpcException.payloadTooLarge();
                case INVALID -> XrpcException.invalidRequest(e.getMessage());
            };
        } catch (ActorNotFoundException e) {
            // a still-valid token of an account deleted since
            throw XrpcException.invalidRequest("NotFound", "Repo not found");
        }
    }
}
