package org.auroralocus.server;

import org.auroralocus.server.xrpc.Auth;
import org.auroralocus.server.xrpc.XrpcRoutes;
import org.auroralocus.server.xrpc.com.atproto.admin.DisableAccountInvites;
import org.auroralocus.server.xrpc.com.atproto.admin.DisableInviteCodes;
import org.auroralocus.server.xrpc.com.atproto.admin.EnableAccountInvites;
import org.auroralocus.server.xrpc.com.atproto.admin.GetAccountInfo;
import org.auroralocus.server.xrpc.com.atproto.admin.GetAccountInfos;
import org.auroralocus.server.xrpc.com.atproto.admin.GetInviteCodes;
import org.auroralocus.server.xrpc.com.atproto.admin.GetSubjectStatus;
import org.auroralocus.server.xrpc.com.atproto.admin.SearchAccounts;
import org.auroralocus.server.xrpc.com.atproto.admin.SendEmail;
import org.auroralocus.server.xrpc.com.atproto.admin.UpdateAccountEmail;
import org.auroralocus.server.xrpc.com.atproto.admin.UpdateAccountHandle;
import org.auroralocus.server.xrpc.com.atproto.admin.UpdateAccountPassword;
import org.auroralocus.server.xrpc.com.atproto.admin.UpdateSubjectStatus;
import org.auroralocus.server.xrpc.app.bsky.actor.GetPreferences;
import org.auroralocus.server.xrpc.app.bsky.actor.PutPreferences;
import org.auroralocus.server.xrpc.app.bsky.notification.RegisterPush;
import org.auroralocus.server.xrpc.app.bsky.notification.UnregisterPush;
import org.auroralocus.server.xrpc.com.atproto.identity.GetRecommendedDidCredentials;
import org.auroralocus.server.xrpc.com.atproto.identity.RefreshIdentity;
import org.auroralocus.server.xrpc.com.atproto.identity.RequestPlcOperationSignature;
import org.auroralocus.server.xrpc.com.atproto.identity.ResolveDid;
import org.auroralocus.server.xrpc.com.atproto.identity.ResolveHandle;
import org.auroralocus.server.xrpc.com.atproto.identity.ResolveIdentity;
import org.auroralocus.server.xrpc.com.atproto.identity.SignPlcOperation;
import org.auroralocus.server.xrpc.com.atproto.identity.SubmitPlcOperation;
import org.auroralocus.server.xrpc.com.atproto.identity.UpdateHandle;
import org.auroralocus.server.xrpc.com.atproto.repo.ApplyWrites;
import org.auroralocus.server.xrpc.com.atproto.repo.CreateRecord;
import org.auroralocus.server.xrpc.com.atproto.repo.DeleteRecord;
import org.auroralocus.server.xrpc.com.atproto.repo.DescribeRepo;
import org.auroralocus.server.xrpc.com.atproto.repo.GetRecord;
import org.auroralocus.server.xrpc.com.atproto.repo.ImportRepo;
import org.auroralocus.server.xrpc.com.atproto.repo.ListMissingBlobs;
import org.auroralocus.server.xrpc.com.atproto.repo.ListRecords;
import org.auroralocus.server.xrpc.com.atproto.repo.PutRecord;
import org.auroralocus.server.xrpc.com.atproto.repo.UploadBlob;
import org.auroralocus.server.xrpc.com.atproto.server.ActivateAccount;
import org.auroralocus.server.xrpc.com.atproto.server.CheckAccountStatus;
import org.auroralocus.server.xrpc.com.atproto.server.CreateAccount;
import org.auroralocus.server.xrpc.com.atproto.server.CreateAppPassword;
import org.auroralocus.server.xrpc.com.atproto.server.CreateInviteCode;
import org.auroralocus.server.xrpc.com.atproto.server.CreateInviteCodes;
import org.auroralocus.server.xrpc.com.atproto.server.GetAccountInviteCodes;
import org.auroralocus.server.xrpc.com.atproto.server.CreateSession;
import org.auroralocus.server.xrpc.com.atproto.server.DeactivateAccount;
import org.auroralocus.server.xrpc.com.atproto.server.DeleteAccount;
import org.auroralocus.server.xrpc.com.atproto.server.ConfirmEmail;
import org.auroralocus.server.xrpc.com.atproto.server.RequestEmailConfirmation;
import org.auroralocus.server.xrpc.com.atproto.server.RequestEmailUpdate;
import org.auroralocus.server.xrpc.com.atproto.server.RequestPasswordReset;
import org.auroralocus.server.xrpc.com.atproto.server.ResetPassword;
import org.auroralocus.server.xrpc.com.atproto.server.UpdateEmail;
import org.auroralocus.server.xrpc.com.atproto.server.DeleteSession;
import org.auroralocus.server.xrpc.com.atproto.server.DescribeServer;
import org.auroralocus.server.xrpc.com.atproto.server.GetServiceAuth;
import org.auroralocus.server.xrpc.com.atproto.server.GetSession;
import org.auroralocus.server.xrpc.com.atproto.server.ListAppPasswords;
import org.auroralocus.server.xrpc.com.atproto.server.RefreshSession;
import org.auroralocus.server.xrpc.com.atproto.server.RequestAccountDelete;
import org.auroralocus.server.xrpc.com.atproto.server.RevokeAppPassword;
import org.auroralocus.server.xrpc.com.atproto.sync.GetBlob;
import org.auroralocus.server.xrpc.com.atproto.sync.GetBlocks;
import org.auroralocus.server.xrpc.com.atproto.sync.GetLatestCommit;
import org.auroralocus.server.xrpc.com.atproto.sync.GetRepo;
import org.auroralocus.server.xrpc.com.atproto.sync.GetRepoStatus;
import org.auroralocus.server.xrpc.com.atproto.sync.ListBlobs;
import org.auroralocus.server.xrpc.com.atproto.sync.ListRepos;

/** The route table: every XRPC method this server answers itself, one line each with its auth mode. */
final class XrpcApi {
    private XrpcApi() {}

    static XrpcRoutes routes(Services s) {
        XrpcRoutes routes = new XrpcRoutes();
        // com.atproto.server
        routes.query(DescribeServer.NSID, new DescribeServer(s.config()), Auth.NONE);
        routes.procedure(CreateAccount.NSID, new CreateAccount(s.accountCreation(), s.handleRules(), s.plc()), Auth.OPTIONAL,
                CreateAccount.RATE_LIMITS);
        routes.procedure(CreateSession.NSID, new CreateSession(s.accounts(), s.sessions()), Auth.NONE, CreateSession.BODY_LIMIT,
                CreateSession.RATE_LIMITS);
        routes.query(GetSession.NSID, new GetSession(s.accounts()), Auth.ACCESS);
        routes.procedure(RefreshSession.NSID, new RefreshSession(s.accounts(), s.sessions()), Auth.REFRESH);
        routes.procedure(DeleteSession.NSID, new DeleteSession(s.sessions()), Auth.REFRESH);
        routes.procedure(CreateAppPassword.NSID, new CreateAppPassword(s.accounts(), s.appPasswords()), Auth.ACCESS_FULL);
        routes.query(ListAppPasswords.NSID, new ListAppPasswords(s.appPasswords()), Auth.ACCESS_FULL);
        routes.query(GetServiceAuth.NSID, new GetServiceAuth(s.actors(), s.serviceJwts(), s.clock()), Auth.ACCESS_OR_TAKENDOWN);
        routes.procedure(RevokeAppPassword.NSID, new RevokeAppPassword(s.appPasswords()), Auth.ACCESS_FULL);
        routes.query(CheckAccountStatus.NSID, new CheckAccountStatus(s.lifecycle()), Auth.ACCESS);
        routes.procedure(ActivateAccount.NSID, new ActivateAccount(s.lifecycle()), Auth.ACCESS_FULL);
        routes.procedure(DeactivateAccount.NSID, new DeactivateAccount(s.lifecycle()), Auth.ACCESS_FULL_OR_TAKENDOWN);
        routes.procedure(RequestAccountDelete.NSID, new RequestAccountDelete(s.accounts(), s.deletion()), Auth.ACCESS_FULL,
                RequestAccountDelete.RATE_LIMITS);
        routes.procedure(DeleteAccount.NSID, new DeleteAccount(s.accounts(), s.deletion()), Auth.NONE, DeleteAccount.RATE_LIMITS);
        routes.procedure(RequestEmailConfirmation.NSID, new RequestEmailConfirmation(s.accounts(), s.accountEmail()),
                Auth.ACCESS_FULL, RequestEmailConfirmation.RATE_LIMITS);
        routes.procedure(ConfirmEmail.NSID, new ConfirmEmail(s.accountEmail()), Auth.ACCESS_FULL);
        routes.procedure(RequestPasswordReset.NSID, new RequestPasswordReset(s.accountEmail()), Auth.NONE,
                RequestPasswordReset.RATE_LIMITS);
        routes.procedure(ResetPassword.NSID, new ResetPassword(s.accountEmail()), Auth.NONE, ResetPassword.RATE_LIMITS);
        routes.procedure(RequestEmailUpdate.NSID, new RequestEmailUpdate(s.accounts(), s.accountEmail()), Auth.ACCESS_FULL,
                RequestEmailUpdate.RATE_LIMITS);
        routes.procedure(UpdateEmail.NSID, new UpdateEmail(s.accountEmail()), Auth.ACCESS_FULL);
        routes.procedure(CreateInviteCode.NSID, new CreateInviteCode(s.admin()), Auth.ADMIN);
        routes.procedure(CreateInviteCodes.NSID, new CreateInviteCodes(s.admin()), Auth.ADMIN);
        routes.query(GetAccountInviteCodes.NSID, new GetAccountInviteCodes(s.admin()), Auth.ACCESS_FULL);
        // com.atproto.admin
        routes.query(GetAccountInfo.NSID, new GetAccountInfo(s.admin()), Auth.ADMIN);
        routes.query(GetAccountInfos.NSID, new GetAccountInfos(s.admin()), Auth.ADMIN);
        routes.query(SearchAccounts.NSID, new SearchAccounts(s.admin()), Auth.ADMIN);
        routes.procedure(UpdateSubjectStatus.NSID, new UpdateSubjectStatus(s.admin()), Auth.ADMIN);
        routes.query(GetSubjectStatus.NSID, new GetSubjectStatus(s.admin()), Auth.ADMIN);
        routes.procedure(UpdateAccountHandle.NSID, new UpdateAccountHandle(s.admin()), Auth.ADMIN);
        routes.procedure(UpdateAccountEmail.NSID, new UpdateAccountEmail(s.accounts(), s.admin()), Auth.ADMIN);
        routes.procedure(UpdateAccountPassword.NSID, new UpdateAccountPassword(s.admin()), Auth.ADMIN);
        routes.procedure(org.auroralocus.server.xrpc.com.atproto.admin.DeleteAccount.NSID,
                new org.auroralocus.server.xrpc.com.atproto.admin.DeleteAccount(s.admin()), Auth.ADMIN);
        routes.procedure(SendEmail.NSID, new SendEmail(s.admin()), Auth.ADMIN);
        routes.query(GetInviteCodes.NSID, new GetInviteCodes(s.admin()), Auth.ADMIN);
        routes.procedure(DisableInviteCodes.NSID, new DisableInviteCodes(s.admin()), Auth.ADMIN);
        routes.procedure(EnableAccountInvites.NSID, new EnableAccountInvites(s.admin()), Auth.ADMIN);
        routes.procedure(DisableAccountInvites.NSID, new DisableAccountInvites(s.admin()), Auth.ADMIN);
        // com.atproto.identity
        routes.query(ResolveHandle.NSID, new ResolveHandle(s.identity()), Auth.NONE);
        routes.procedure(UpdateHandle.NSID, new UpdateHandle(s.identity()), Auth.ACCESS_FULL, UpdateHandle.RATE_LIMITS);
        routes.query(ResolveDid.NSID, new ResolveDid(s.identityLookup()), Auth.NONE);
        routes.query(ResolveIdentity.NSID, new ResolveIdentity(s.identityLookup()), Auth.NONE);
        routes.procedure(RefreshIdentity.NSID, new RefreshIdentity(s.identityLookup()), Auth.ACCESS);
        routes.query(GetRecommendedDidCredentials.NSID, new GetRecommendedDidCredentials(s.didCredentials()), Auth.ACCESS);
        routes.procedure(RequestPlcOperationSignature.NSID, new RequestPlcOperationSignature(s.plcSigner()), Auth.ACCESS_FULL);
        routes.procedure(SignPlcOperation.NSID, new SignPlcOperation(s.plcSigner()), Auth.ACCESS_FULL);
        routes.procedure(SubmitPlcOperation.NSID, new SubmitPlcOperation(s.plcSubmitter()), Auth.ACCESS);
        // com.atproto.repo
        routes.procedure(CreateRecord.NSID, new CreateRecord(s.accounts(), s.repos()), Auth.ACCESS, CreateRecord.RATE_LIMITS);
        routes.procedure(PutRecord.NSID, new PutRecord(s.accounts(), s.repos()), Auth.ACCESS, PutRecord.RATE_LIMITS);
        routes.procedure(DeleteRecord.NSID, new DeleteRecord(s.accounts(), s.repos()), Auth.ACCESS, DeleteRecord.RATE_LIMITS);
        routes.procedure(ApplyWrites.NSID, new ApplyWrites(s.accounts(), s.repos()), Auth.ACCESS, ApplyWrites.RATE_LIMITS);
        routes.query(GetRecord.NSID, new GetRecord(s.accounts(), s.repos()), Auth.NONE);
        routes.query(ListRecords.NSID, new ListRecords(s.accounts(), s.repos()), Auth.NONE);
        routes.query(DescribeRepo.NSID, new DescribeRepo(s.accounts(), s.repos(), s.dids()), Auth.NONE);
        routes.procedure(UploadBlob.NSID, new UploadBlob(s.accounts(), s.blobUploads()), Auth.ACCESS_OR_SERVICE, UploadBlob.RATE_LIMITS);
        routes.query(ListMissingBlobs.NSID, new ListMissingBlobs(s.actors()), Auth.ACCESS);
        routes.procedure(ImportRepo.NSID, new ImportRepo(s.accounts(), s.repos(), s.config().repoImports()), Auth.ACCESS_FULL);
        // com.atproto.sync
        routes.query(GetRepo.NSID, new GetRepo(s.accounts(), s.actors()), Auth.NONE, GetRepo.RATE_LIMITS);
        routes.query(GetLatestCommit.NSID, new GetLatestCommit(s.accounts(), s.actors()), Auth.NONE);
        routes.query(GetRepoStatus.NSID, new GetRepoStatus(s.accounts(), s.actors()), Auth.NONE);
        routes.query(ListRepos.NSID, new ListRepos(s.accounts(), s.actors()), Auth.NONE);
        routes.query(org.auroralocus.server.xrpc.com.atproto.sync.GetRecord.NSID,
                new org.auroralocus.server.xrpc.com.atproto.sync.GetRecord(s.accounts(), s.actors()), Auth.NONE);
        routes.query(GetBlocks.NSID, new GetBlocks(s.accounts(), s.actors()), Auth.NONE);
        routes.query(GetBlob.NSID, new GetBlob(s.accounts(), s.actors(), s.blobStore()), Auth.NONE);
        routes.query(ListBlobs.NSID, new ListBlobs(s.accounts(), s.actors()), Auth.NONE);
        // app.bsky: what the PDS answers itself; everything else there goes to the AppView (XrpcProxy)
        routes.query(GetPreferences.NSID, new GetPreferences(s.preferences()), Auth.ACCESS_OR_TAKENDOWN);
        routes.procedure(PutPreferences.NSID, new PutPreferences(s.accounts(), s.preferences()), Auth.ACCESS);
        if (s.config().upstreams().appView().isPresent()) {   // as the official: push needs an AppView
            routes.procedure(RegisterPush.NSID, new RegisterPush(s.proxying().push()), Auth.ACCESS);
            routes.procedure(UnregisterPush.NSID, new UnregisterPush(s.proxying().push()), Auth.ACCESS);
        }
        return routes;
    }
}
