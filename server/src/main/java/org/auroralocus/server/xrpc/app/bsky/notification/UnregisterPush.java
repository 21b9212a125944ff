package org.auroralocus.server.xrpc.app.bsky.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.proxy.PushRegistrations;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcProcedure;

/**
 * app.bsky.notification.unregisterPush: the inverse of {@link RegisterPush}, asking the notification
 * service named in the body to stop pushing to a device for the caller.
 */
public final class UnregisterPush implements XrpcProcedure<UnregisterPush.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("app.bsky.notification.unregisterPush");

    record Input(Did serviceDid, String token, String platform, String appId) {}

    private final PushRegistrations push;

    public UnregisterPush(PushRegistrations push) {
        this.push = push;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        push.forward(((Caller.User) caller).did(), NSID, input.serviceDid(),
                body(input.serviceDid(), input.token(), input.platform(), input.appId()));
        return NoOutput.INSTANCE;
    }

    /** The body both methods send: the device, and the service it registers with. */
    static Map<String, Object> body(Did serviceDid, String token, String platform, String appId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceDid", serviceDid.value());
        body.put("token", token);
        body.put("platform", platform);
        body.put("appId", appId);
        return body;
    }
}
