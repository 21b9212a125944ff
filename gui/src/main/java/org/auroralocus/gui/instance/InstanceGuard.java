package org.auroralocus.gui.instance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The running instance's hold on a data folder: an OS file lock on {@code instance.lock} (released by
 * the OS if the process dies, so it never goes stale) and a loopback socket whose port and a random
 * token sit in {@code instance.port}. Another launch that finds the lock taken sends the token there,
 * which runs the activation callback here.
 */
final class InstanceGuard implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(InstanceGuard.class.getName());
    static final String LOCK_FILE = "instance.lock";
    static final String PORT_FILE = "instance.port";
    private static final String ACTIVATE = "activate ";
    private static final String OK = "ok";

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocket socket;
    private final String token;
    private Runnable callback; // guarded by this
    /** Activations that arrived before the application registered its callback (it starts after the lock). */
    private int pending; // guarded by this

    private InstanceGuard(FileChannel lockChannel, FileLock lock, ServerSocket socket, String token) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.socket = socket;
        this.token = token;
    }

    /**
     * Becomes the instance for {@code folder}, or, if another process (or another guard in this JVM)
     * holds it, asks that one to activate and returns empty.
     *
     * @param wait how long to keep trying to reach an instance that holds the lock but has not yet
     *             published its port (it is starting at the same moment)
     * @throws IllegalStateException if the lock is held but its holder never answered within {@code wait}
     */
    static Optional<InstanceGuard> acquire(Path folder, Duration wait) {
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                activateHolder(folder, wait);
                return Optional.empty();
            }
            return Optional.of(listen(folder, channel, lock));
        } catch (IOException e) {
            throw new UncheckedIOException("could not use the instance lock in " + folder, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM: the same answer as held by another process
        }
    }

    private static InstanceGuard listen(Path folder, FileChannel channel, FileLock lock) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        // written to a temp file and moved, so a second launch never reads half a line
        Path tmp = folder.resolve(PORT_FILE + ".tmp");
        Files.writeString(tmp, socket.getLocalPort() + " " + token + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, folder.resolve(PORT_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        InstanceGuard guard = new InstanceGuard(channel, lock, socket, token);
        Thread.ofPlatform().daemon().name("single-instance").start(guard::serve);
        return guard;
    }

    /** Runs {@code callback} on each later launch, and at once for launches that came before it was set. */
    synchronized void onActivate(Runnable callback) {
        this.callback = callback;
        for (; pending > 0; pending--) callback.run();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(5_000);
                String line = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                if (line == null || !line.equals(ACTIVATE + token)) continue; // not a launch of ours: ignore it
                activate();
                Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
                out.write(OK + "\n");
                out.flush();
            } catch (SocketException e) {
                if (!socket.isClosed()) LOG.log(System.Logger.Level.WARNING, "single-instance socket failed", e);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a second launch could not be handled", e);
            }
        }
    }

    private synchronized void activate() {
        LOG.log(System.Logger.Level.INFO, "another launch of Aurora Locus asked this one to come forward");
        if (callback == null) pending++;
        else callback.run();
    }

    private static void activateHolder(Path folder, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos(); // a monotonic timer: a timeout, not a time of day
        IOException last = null;
        do {
            try {
                String[] portAndToken = Files.readString(folder.resolve(PORT_FILE), StandardCharsets.US_ASCII).strip().split(" ");
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(portAndToken[0])), 2_000);
                    s.setSoTimeout(5_000);
                    Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII);
                    out.write(ACTIVATE + portAndToken[1] + "\n");
                    out.flush();
                    String reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                    if (OK.equals(reply)) return;
                    last = new IOException("the running instance answered " + reply);
                }
            } catch (IOException | RuntimeException e) {
                // no port file yet, or an old one: the holder is still starting
                last = e instanceof IOException io ? io : new IOException(e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() - deadline < 0);
        throw new IllegalStateException("Aurora Locus seems to be running already (" + folder.resolve(LOCK_FILE)
                + " is locked) but did not answer: " + (last == null ? "no reply" : last.getMessage()), last);
    }

    /** Gives up the folder: the lock and the socket; the port file stays and is overwritten by the next holder. */
    @Override public void close() {
        try {
            socket.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
