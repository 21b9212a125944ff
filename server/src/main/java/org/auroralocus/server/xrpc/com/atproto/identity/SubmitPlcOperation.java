package org.auroralocus.server.xrpc.com.atproto.identity;

import org.auroralocus.atproto.cbor.DataJson;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.identity.plc.InvalidPlcOperationException;
import org.auroralocus.atproto.identity.plc.PlcRejectedException;
import org.auroralocus.atproto.identity.plc.SignedPlcOp;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.identity.PlcOperationException;
import org.auroralocus.server.identity.PlcOperationSubmitter;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.identity.submitPlcOperation: send the caller's signed PLC operation to the directory, if it keeps the account working here. */
public final class SubmitPlcOperation implements XrpcProcedure<SubmitPlcOperation.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.identity.submitPlcOperation");

    record Input(DataValue operation) {}

    private final PlcOperationSubmitter submitter;

    public SubmitPlcOperation(PlcOperationSubmitter submitter) {
        this.submitter = submitter;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        SignedPlcOp op;
        try {
            op = SignedPlcOp.fromJson(DataJson.toTree(input.operation()));
        } catch (InvalidPlcOperationException e) {
            throw XrpcException.invalidRequest("Invalid operation");
        }
        try {
            submitter.submit(((Caller.User) caller).did(), op);
        } catch (PlcOperationException e) {
            throw XrpcException.invalidRequest(e.getMessage());
        } catch (PlcRejectedException e) {
            // the official PDS does not catch this (a 500); the fault is in the client's operation, so say what it is
            throw XrpcException.invalidRequest("PLC directory refused the operation: " + e.getMessage());
        }
        return NoOutput.INSTANCE;
    }
}
