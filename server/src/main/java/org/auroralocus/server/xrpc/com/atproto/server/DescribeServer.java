package org.auroralocus.server.xrpc.com.atproto.server;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.config.PdsConfig;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.XrpcQuery;

/** com.atproto.server.describeServer: what a client needs to know before creating an account here. */
public final class DescribeServer implements XrpcQuery<NoInput, DescribeServer.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.describeServer");

    public record Links(Optional<String> privacyPolicy, Optional<String> termsOfService) {}

    public record Contact(Optional<String> email) {}

    public record Output(Did did, List<String> availableUserDomains, boolean inviteCodeRequired,
                         long blobUploadLimit, Links links, Contact contact) {}

    private final Output output;

    public DescribeServer(PdsConfig config) {
        PdsConfig.ServiceLinks links = config.links();
        this.output = new Output(Did.parse(config.serviceDid()), config.serviceHandleDomains(), config.inviteRequired(),
                config.blobUploadLimit(), new Links(links.privacyPolicy().map(URI::toString), links.termsOfService().map(URI::toString)),
                new Contact(links.contactEmail()));
    }

    @Override public Output handle(NoInput params, Caller caller) {
        return output;
    }
}
