package org.auroralocus.server.xrpc.com.atproto.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.auroralocus.atproto.cbor.DataJson;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.identity.plc.PlcService;
import org.auroralocus.atproto.identity.plc.SignedPlcOp;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.EmailTokenException;
import org.auroralocus.server.identity.PlcChanges;
import org.auroralocus.server.identity.PlcOperationException;
import org.auroralocus.server.identity.PlcOperationSigner;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.identity.signPlcOperation: the caller's next PLC operation, signed by this server, with an e-mailed code. */
public final class SignPlcOperation implements XrpcProcedure<SignPlcOperation.Input, SignPlcOperation.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.identity.signPlcOperation");

    /**
     * The lists are data-model values, not {@code List<String>}, because each is optional (an absent one
     * keeps its current value) and the binder takes optional lists only in this form; they are checked here.
     */
    record Input(Optional<String> token, Optional<DataValue> rotationKeys, Optional<DataValue> alsoKnownAs,
                 Optional<DataValue> verificationMethods, Optional<DataValue> services) {}

    record Output(DataValue operation) {}

    private final PlcOperationSigner signer;

    public SignPlcOperation(PlcOperationSigner signer) {
        this.signer = signer;
    }

    @Override public Output handle(Input input, Caller caller) {
        String token = input.token().orElseThrow(() ->
                XrpcException.invalidRequest("email confirmation token required to sign PLC operations"));
        PlcChanges changes = new PlcChanges(
                input.rotationKeys().map(v -> texts(v, "rotationKeys")),
                input.alsoKnownAs().map(v -> texts(v, "alsoKnownAs")),
                input.verificationMethods().map(v -> entries(v, "verificationMethods", SignPlcOperation::text)),
                input.services().map(v -> entries(v, "services", SignPlcOperation::service)));
        SignedPlcOp signed;
        try {
            signed = signer.sign(((Caller.User) caller).did(), token, changes);
        } catch (EmailTokenException e) {
            throw e.expired() ? XrpcException.expiredToken(e.getMessage()) : XrpcException.invalidToken(e.getMessage());
        } catch (PlcOperationException e) {
            throw XrpcException.invalidRequest(e.getMessage());
        }
        return new Output(DataJson.fromTree(signed.toJson()));
    }

    private static List<String> texts(DataValue value, String path) {
        if (!(value instanceof DataValue.ListValue list)) throw invalid("Expected array value type at $." + path);
        return list.items().stream().map(item -> text(item, path + "[]")).toList();
    }

    private static <V> Map<String, V> entries(DataValue value, String path, ValueReader<V> reader) {
        if (!(value instanceof DataValue.MapValue map)) throw invalid("Expected object value type at $." + path);
        Map<String, V> out = new LinkedHashMap<>();
        map.entries().forEach((key, v) -> out.put(key, reader.read(v, path + "." + key)));
        return out;
    }

    /** A PLC service entry: exactly {@code type} and {@code endpoint}, both strings, as the directory requires. */
    private static PlcService service(DataValue value, String path) {
        if (!(value instanceof DataValue.MapValue map) || !map.entries().keySet().equals(java.util.Set.of("type", "endpoint"))) {
            throw invalid("Expected an object with type and endpoint at $." + path);
        }
        Function<String, String> field = key -> text(map.get(key).orElseThrow(), path + "." + key);
        return new PlcService(field.apply("type"), field.apply("endpoint"));
    }

    private static String text(DataValue value, String path) {
        if (!(value instanceof DataValue.TextValue text)) throw invalid("Expected string value type at $." + path);
        return text.value();
    }

    private static XrpcException invalid(String message) {
        return XrpcException.invalidRequest(message);
    }

    @FunctionalInterface
    private interface ValueReader<V> {
        V read(DataValue value, String path);
    }
}
