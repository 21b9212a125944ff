package org.auroralocus.gui.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceGuardTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir Path folder;

    @Test void secondLaunchIsRefusedWhileTheFirstRuns() {
        try (InstanceGuard first = InstanceGuard.acquire(folder, WAIT).orElseThrow()) {
            assertEquals(Optional.empty(), InstanceGuard.acquire(folder, WAIT));
        }
    }

    @Test void secondLaunchBringsTheFirstWindowForward() throws Exception {
        try (InstanceGuard first = InstanceGuard.acquire(folder, WAIT).orElseThrow()) {
            CountDownLatch activated = new CountDownLatch(1);
            first.onActivate(activated::countDown);
            InstanceGuard.acquire(folder, WAIT);
            assertTrue(activated.await(5, TimeUnit.SECONDS), "the first instance was not asked to show its window");
        }
    }

    @Test void aLaunchBeforeTheWindowExistsIsDeliveredWhenTheWindowRegisters() {
        try (InstanceGuard first = InstanceGuard.acquire(folder, WAIT).orElseThrow()) {
            // the second launch returns only after the first has answered, so the activation is already pending
            InstanceGuard.acquire(folder, WAIT);
            AtomicInteger activations = new AtomicInteger();
            first.onActivate(activations::incrementAndGet);
            assertEquals(1, activations.get());
        }
    }

    @Test void aLaunchAfterTheFirstQuitsBecomesTheInstance() {
        InstanceGuard.acquire(folder, WAIT).orElseThrow().close();
        try (InstanceGuard next = InstanceGuard.acquire(folder, WAIT).orElseThrow()) {
            assertTrue(next.port() > 0);
        }
    }

    @Test void differentDataFoldersRunSideBySide(@TempDir Path other) {
        try (InstanceGuard first = InstanceGuard.acquire(folder, WAIT).orElseThrow();
             InstanceGuard second = InstanceGuard.acquire(other, WAIT).orElseThrow()) {
            assertTrue(first.port() != second.port());
        }
    }

    @Test void aConnectionWithoutTheTokenDoesNotActivate() throws Exception {
        try (InstanceGuard first = InstanceGuard.acquire(folder, WAIT).orElseThrow()) {
            AtomicInteger activations = new AtomicInteger();
            first.onActivate(activations::incrementAndGet);
            try (Socket stranger = new Socket(InetAddress.getLoopbackAddress(), first.port())) {
                Writer out = new OutputStreamWriter(stranger.getOutputStream(), StandardCharsets.US_ASCII);
                out.write("activate 00\n");
                out.flush();
            }
            InstanceGuard.acquire(folder, WAIT); // served after the stranger: one connection at a time
            assertEquals(1, activations.get());
        }
    }

    @Test void aLockedFolderWhoseHolderNeverAnswersIsReported() throws Exception {
        try (FileChannel channel = FileChannel.open(folder.resolve(InstanceGuard.LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var lock = channel.lock()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> InstanceGuard.acquire(folder, Duration.ofMillis(200)));
            assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
            assertTrue(Files.notExists(folder.resolve(InstanceGuard.PORT_FILE)));
        }
    }
}
