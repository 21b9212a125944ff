package org.auroralocus.atproto.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** DNS TXT lookups, the first step of handle resolution; an interface so that tests need no real DNS. */
@FunctionalInterface
public interface TxtLookup {
    /**
     * The TXT records at {@code name}, each record's character-strings joined into one string (a record longer
     * than 255 bytes arrives in chunks). Empty when the name does not exist or has no TXT records.
     *
     * @throws IOException when the lookup failed (timeout, server failure), which is not the same as "no records"
     */
    List<String> txt(String name) throws IOException;

    /** Lookups through the system's configured name servers (resolv.conf or the platform's equivalent). */
    static TxtLookup system(Duration timeout) {
        return new DnsjavaTxtLookup(timeout);
    }
}
