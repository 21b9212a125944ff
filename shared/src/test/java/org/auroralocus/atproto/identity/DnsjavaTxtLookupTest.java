package org.auroralocus.atproto.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;

/** The dnsjava lookup against a tiny DNS server on loopback UDP that answers from a script. */
class DnsjavaTxtLookupTest {
    private final DatagramSocket socket = openSocket();
    private final List<Name> questions = new CopyOnWriteArrayList<>();
    private volatile int rcode = Rcode.NOERROR;
    private volatile List<Record> answers = List.of();
    private final Thread serverThread = Thread.ofVirtual().start(this::serve);

    private static DatagramSocket openSocket() {
        try {
            return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve() {
        byte[] buffer = new byte[1500];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                questions.add(query.getQuestion().getName());
                Message response = new Message(query.getHeader().getID());
                response.getHeader().setFlag(Flags.QR);
                response.getHeader().setFlag(Flags.RA);
                response.getHeader().setRcode(rcode);
                response.addRecord(query.getQuestion(), Section.QUESTION);
                answers.forEach(record -> response.addRecord(record, Section.ANSWER));
                byte[] wire = response.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException e) {
                return; // socket closed at the end of the test
            }
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        socket.close();
        serverThread.join();
    }

    private TxtLookup lookup() {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort()));
        return new DnsjavaTxtLookup(resolver, Duration.ofSeconds(5));
    }

    private static Name name(String text) {
        return Name.fromConstantString(text);
    }

    @Test
    void joinsTheChunksOfEachRecord() throws IOException {
        Name owner = name("_atproto.alice.example.com.");
        answers = List.of(
                new TXTRecord(owner, DClass.IN, 300, List.of("did=did:plc:ewvi7nxzyo", "un6zhxrhs64oiz")),
                new TXTRecord(owner, DClass.IN, 300, "v=spf1 -all"));

        assertEquals(List.of("did=did:plc:ewvi7nxzyoun6zhxrhs64oiz", "v=spf1 -all"), lookup().txt("_atproto.alice.example.com"));
    }

    @Test
    void asksForTheAbsoluteName() throws IOException {
        lookup().txt("_atproto.alice.example.com");

        assertEquals(List.of(name("_atproto.alice.example.com.")), questions);
    }

    @Test
    void keepsQuotesAndBackslashesAsSent() throws IOException {
        // the constructor reads presentation format: the record's bytes are  did="q\x
        answers = List.of(new TXTRecord(name("_atproto.q.example.com."), DClass.IN, 300, "did=\\\"q\\\\x"));

        assertEquals(List.of("did=\"q\\x"), lookup().txt("_atproto.q.example.com"));
    }

    @Test
    void keepsOnlyTheTxtDataOfACnameChain() throws IOException {
        Name alias = name("_atproto.alias.example.com.");
        Name target = name("_atproto.target.example.net.");
        answers = List.of(new CNAMERecord(alias, DClass.IN, 300, target),
                new TXTRecord(target, DClass.IN, 300, "did=did:plc:ewvi7nxzyoun6zhxrhs64oiz"));

        assertEquals(List.of("did=did:plc:ewvi7nxzyoun6zhxrhs64oiz"), lookup().txt("_atproto.alias.example.com"));
    }

    @Test
    void nonexistentNameHasNoRecords() throws IOException {
        rcode = Rcode.NXDOMAIN;

        assertEquals(List.of(), lookup().txt("_atproto.nobody.example.com"));
    }

    @Test
    void serverFailureIsAnError() {
        rcode = Rcode.SERVFAIL;

        assertThrows(IOException.class, () -> lookup().txt("_atproto.broken.example.com"));
    }
}
