package org.auroralocus.atproto.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * {@link TxtLookup} over dnsjava, because the JDK has no TXT resolver. Queries go straight to the configured
 * recursive name servers (no dnsjava {@code Lookup}, whose cache and default resolver are global state).
 */
final class DnsjavaTxtLookup implements TxtLookup {
    private final Resolver resolver;

    DnsjavaTxtLookup(Duration timeout) {
        // the no-argument ExtendedResolver asks dnsjava's ResolverConfig for the system's name servers
        this(new ExtendedResolver(), timeout);
    }

    DnsjavaTxtLookup(Resolver resolver, Duration timeout) {
        resolver.setTimeout(timeout);
        this.resolver = resolver;
    }

    @Override
    public List<String> txt(String name) throws IOException {
        // absolute: a handle must never be completed with the host's search domains
        Message query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), Type.TXT, DClass.IN));
        Message response = resolver.send(query);
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) return List.of();
        if (rcode != Rcode.NOERROR) throw new IOException("DNS lookup of TXT " + name + " failed: " + Rcode.string(rcode));
        // a CNAME chain arrives in the answer too; the recursive server has followed it, keep only the TXT data
        return response.getSection(Section.ANSWER).stream()
                .filter(TXTRecord.class::isInstance)
                .map(record -> joined((TXTRecord) record))
                .toList();
    }

    private static String joined(TXTRecord record) {
        StringBuilder out = new StringBuilder();
        // raw bytes, not dnsjava's escaped text form, so a quote or backslash stays what it was; dnsjava
        // declares the list without a type argument
        for (Object chunk : record.getStringsAsByteArrays()) {
            out.append(new String((byte[]) chunk, StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
