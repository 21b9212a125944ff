package org.auroralocus.server.xrpc.app.bsky.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.proxy.PushRegistrations;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcProcedure;

/**
 * app.bsky.notification.registerPush: asks the notification service named in the body to push to a
 * device for the caller. {@code platform} is an open set in the lexicon (known values ios, android,
 * web), so other values go on and the service judges them, as with the official PDS.
 */
public final class RegisterPush implements XrpcProcedure<RegisterPush.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("app.bsky.notification.registerPush");

    record Input(Did serviceDid, String token, String platform, String appId, Optional<Boolean> ageRestricted) {
        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>(UnregisterPush.body(serviceDid, token, platform, appId));
            ageRestricted.ifPresent(a -> body.put("ageRestricted", a));
            return body;
        }
    }

    private final PushRegistrations push;

    public RegisterPush(PushRegistrations push) {
        this.push = push;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        push.forward(((Caller.User) caller).did(), NSID, input.serviceDid(), input.body());
        return NoOutput.INSTANCE;
    }
}
