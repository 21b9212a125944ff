package org.auroralocus.server.xrpc.com.atproto.identity;

import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.identity.PlcOperationException;
import org.auroralocus.server.identity.PlcOperationSigner;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.identity.requestPlcOperationSignature: issue the code that signPlcOperation asks for. */
public final class RequestPlcOperationSignature implements XrpcProcedure<NoInput, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.identity.requestPlcOperationSignature");

    private final PlcOperationSigner signer;

    public RequestPlcOperationSignature(PlcOperationSigner signer) {
        this.signer = signer;
    }

    @Override public NoOutput handle(NoInput input, Caller caller) {
        try {
            signer.requestSignature(((Caller.User) caller).did());
        } catch (PlcOperationException e) {
            throw XrpcException.invalidRequest(e.getMessage());
        }
        return NoOutput.INSTANCE;
    }
}
