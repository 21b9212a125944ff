package org.auroralocus.server.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ObjLongConsumer;

/**
 * A light subscribeRepos client for the load generator: a plain socket read by one virtual
 * thread, WebSocket frames read into one reused buffer, and of each {@code #commit} message only
 * {@code seq} and the commit CID picked out by skipping over the rest of the DAG-CBOR. The JDK's
 * WebSocket client costs several tasks, futures and copies per message, and decoding every body
 * in full cost more than the server spent sending it; with 100 subscribers on the same 2 cores
 * as the server, that load generator measured itself more than the server.
 *
 * <p>It still checks what the benchmark reports: every subscriber's events must arrive in strictly
 * increasing {@code seq} order (otherwise the subscriber counts as dropped), and each arrival is
 * noted per seq so that every acknowledged write can be looked up at every subscriber.
 */
final class FirehoseClient {
    private static final byte[] COMMIT = "#commit".getBytes(StandardCharsets.US_ASCII);

    final AtomicReference<String> closed = new AtomicReference<>();
    private final Socket socket;
    private final DataInputStream in;
    /** Told of each commit's CID (its bytes) and seq, when not null. */
    private final ObjLongConsumer<byte[]> commits;
    private long[] seqs = new long[4096];
    private long[] arrivals = new long[4096];
    private int count;
    private byte[] message = new byte[64 * 1024];

    private FirehoseClient(Socket socket, InputStream in, ObjLongConsumer<byte[]> commits) {
        this.socket = socket;
        this.in = new DataInputStream(in);
        this.commits = commits;
    }

    /** Connects, upgrades and starts reading on a virtual thread. */
    static FirehoseClient open(int port, String path, Optional<ObjLongConsumer<byte[]>> commits) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setTcpNoDelay(true);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        String status = readHead(in);
        if (!status.startsWith("HTTP/1.1 101")) throw new IOException("not upgraded: " + status);
        FirehoseClient client = new FirehoseClient(socket, in, commits.orElse(null));
        Thread.ofVirtual().name("firehose-bench-client").start(client::run);
        return client;
    }

    /** The status line; the rest of the response head is read and dropped. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("closed during the handshake");
            head.append((char) b);
        }
        return head.substring(0, head.indexOf("\r\n"));
    }

    /** When the event {@code seq} arrived (System.nanoTime), if it did. */
    synchronized Optional<Long> arrival(long seq) {
        int i = Arrays.binarySearch(seqs, 0, count, seq);
        return i < 0 ? Optional.empty() : Optional.of(arrivals[i]);
    }

    synchronized boolean hasAll(long[] wanted) {
        for (long seq : wanted) if (Arrays.binarySearch(seqs, 0, count, seq) < 0) return false;
        return true;
    }

    void abort() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void run() {
        try {
            int length = 0;
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long size = b1 & 0x7f;
                if (size == 126) size = in.readUnsignedShort();
                else if (size == 127) size = in.readLong();
                if ((b1 & 0x80) != 0) in.readInt(); // a server does not mask, but skip a mask if one came
                int opcode = b0 & 0x0f;
                if (opcode >= 8) { // control frame: the benchmark needs none of them, a close ends it
                    in.skipNBytes(size);
                    if (opcode == 8) {
                        closed.compareAndSet(null, "closed by the server");
                        return;
                    }
                    continue;
                }
                if (length + size > message.length) message = Arrays.copyOf(message, (int) Math.max(message.length * 2L, length + size));
                in.readFully(message, length, (int) size);
                length += (int) size;
                if ((b0 & 0x80) != 0) {
                    received(System.nanoTime(), length);
                    length = 0;
                }
            }
        } catch (IOException e) {
            closed.compareAndSet(null, String.valueOf(e));
        } catch (RuntimeException e) {
            closed.compareAndSet(null, "bad message: " + e);
        }
    }

    private void received(long now, int length) {
        Scan scan = new Scan(message, length);
        if (!scan.headerIsCommit()) return;
        long seq = -1;
        byte[] commit = null;
        int entries = scan.mapHeader();
        for (int i = 0; i < entries; i++) {
            String key = scan.text();
            if (key.equals("seq")) seq = scan.unsigned();
            else if (key.equals("commit") && commits != null) commit = scan.link();
            else scan.skip();
        }
        if (commit != null) commits.accept(commit, seq);
        synchronized (this) {
            if (count > 0 && seq <= seqs[count - 1]) {
                closed.compareAndSet(null, "out of order: seq " + seq + " after " + seqs[count - 1]);
                return;
            }
            if (count == seqs.length) {
                seqs = Arrays.copyOf(seqs, count * 2);
                arrivals = Arrays.copyOf(arrivals, count * 2);
            }
            seqs[count] = seq;
            arrivals[count++] = now;
        }
    }

    /** A forward reader of DAG-CBOR that reads only what it is asked for and skips the rest. */
    private static final class Scan {
        private final byte[] data;
        private final int end;
        private int at;

        Scan(byte[] data, int end) {
            this.data = data;
            this.end = end;
        }

        /** Reads the header map; true if its {@code t} is {@code #commit}. */
        boolean headerIsCommit() {
            boolean commit = false;
            int entries = mapHeader();
            for (int i = 0; i < entries; i++) {
                if (text().equals("t")) {
                    long n = argument(3);
                    commit = n == COMMIT.length && Arrays.equals(data, at, at + (int) n, COMMIT, 0, COMMIT.length);
                    at += (int) n;
                } else {
                    skip();
                }
            }
            return commit;
        }

        int mapHeader() {
            return (int) argument(5);
        }

        long unsigned() {
            return argument(0);
        }

        String text() {
            int n = (int) argument(3);
            String s = new String(data, at, n, StandardCharsets.US_ASCII);
            at += n;
            return s;
        }

        /** A CID link (tag 42 over bytes with a leading 0): the CID's bytes. */
        byte[] link() {
            if (argument(6) != 42) throw new IllegalStateException("not a link");
            int n = (int) argument(2);
            byte[] cid = Arrays.copyOfRange(data, at + 1, at + n);
            at += n;
            return cid;
        }

        void skip() {
            int major = (data[at] & 0xff) >>> 5;
            long n = argument(major);
            switch (major) {
                case 2, 3 -> at += (int) n;
                case 4 -> { for (long i = 0; i < n; i++) skip(); }
                case 5 -> { for (long i = 0; i < 2 * n; i++) skip(); }
                case 6 -> skip();
                default -> { } // integers, simple values and floats carry nothing more
            }
        }

        /** The head of the next item, which must be of major type {@code major}: its argument. */
        private long argument(int major) {
            if (at >= end) throw new IllegalStateException("truncated");
            int initial = data[at++] & 0xff;
            if (initial >>> 5 != major) throw new IllegalStateException("major type " + (initial >>> 5) + ", wanted " + major);
            int info = initial & 0x1f;
            if (info < 24) return info;
            int bytes = switch (info) {
                case 24 -> 1;
                case 25 -> 2;
                case 26 -> 4;
                case 27 -> 8;
                default -> throw new IllegalStateException("indefinite length");
            };
            long value = 0;
            for (int i = 0; i < bytes; i++) value = value << 8 | (data[at++] & 0xff);
            return value;
        }
    }
}
