package org.auroralocus.atproto.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name to addresses, the step {@link SafeHttp} checks before connecting; replaced in tests. */
@FunctionalInterface
interface HostLookup {
    List<InetAddress> addresses(String host) throws UnknownHostException;

    /**
     * The JVM's own resolver. Using it, rather than a separate DNS client, matters: the HTTP client resolves the
     * host again when it connects, and the JVM's address cache then hands it the answer that was just checked,
     * which narrows the window for a DNS-rebinding answer that changes between check and connect.
     */
    HostLookup SYSTEM = host -> List.of(InetAddress.getAllByName(host));
}
