package org.auroralocus.server.xrpc.com.atproto.repo;

import java.time.Duration;
import java.util.List;
import org.auroralocus.atproto.cbor.BlobRef;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.actor.ActorNotFoundException;
import org.auroralocus.server.blob.BlobUploadException;
import org.auroralocus.server.blob.BlobUploads;
import org.auroralocus.server.ratelimit.RateLimit;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.RawInput;
import org.auroralocus.server.xrpc.RouteLimit;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;
import org.auroralocus.server.xrpc.com.atproto.server.TakedownCheck;

/**
 * com.atproto.repo.uploadBlob: stores a blob for a record to reference. Besides the account's own
 * session, a service JWT issued for this method is accepted, as in the official PDS: that is how a
 * video service hands a processed video back to the user's PDS.
 */
public final class UploadBlob implements XrpcProcedure<RawInput, UploadBlob.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.repo.uploadBlob");
    /** The official limit: 1000 uploads per day per IP. */
    public static final List<RouteLimit> RATE_LIMITS = List.of(
            RouteLimit.perIp(new RateLimit(NSID + "-day", 1000, Duration.ofDays(1))));

    /** @param blob the reference, {@code {$type: "blob", ref, mimeType, size}} */
    public record Output(DataValue blob) {}

    private final TakedownCheck takedowns;
    private final BlobUploads uploads;

    public UploadBlob(AccountService accounts, BlobUploads uploads) {
        this.takedowns = new TakedownCheck(accounts);
        this.uploads = uploads;
    }

    @Override public Output handle(RawInput input, Caller caller) {
        Did did = switch (caller) {
            // as the official, the takedown is checked for the account's own sessions, not for a service's JWT
            case Caller.User user -> takedowns.require(user.did()).did();
            case Caller.Service service -> service.iss();
            case Caller.Anonymous _, Caller.Refresh _, Caller.Admin _ ->
                    throw new IllegalStateException("uploadBlob is routed for users and services only, got " + caller);
        };
        try {
            BlobRef ref = uploads.upload(did, input.body(), input.contentType(), input.contentLength());
            return new Output(ref.toDataValue());
        } catch (BlobUploadException e) {
            throw switch (e.problem()) {
                case TOO_LARGE -> XrpcException.payloadTooLarge();
                case TAKEN_DOWN, BODY_UNREADABLE -> XrpcException.invalidRequest(e.getMessage());
            };
        } catch (ActorNotFoundException e) {
            // a still-valid token of an account deleted since, or a service JWT from an account not hosted here
            throw XrpcException.invalidRequest("NotFound", "Repo not found");
        }
    }
}
