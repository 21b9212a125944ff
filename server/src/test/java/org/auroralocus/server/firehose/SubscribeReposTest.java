package org.auroralocus.server.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.DatabaseThreads;
import org.auroralocus.server.sequencer.RepoEvent;
import org.auroralocus.server.sequencer.SqliteSequencer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint's timers, shortened: keep-alive pings and the hard close of a cut-off subscriber. */
@Timeout(120)
class SubscribeReposTest {
    @TempDir Path dir;
    final DatabaseThreads threads = new DatabaseThreads(2, 2);
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    Database db;
    SqliteSequencer sequencer;
    SubscribeRepos endpoint;
    WebServer web;

    @BeforeEach
    void start() {
        db = Database.open(dir.resolve("sequencer.sqlite"), SqliteSequencer.MIGRATIONS, threads);
        LiveFirehose live = new LiveFirehose();
        sequencer = new SqliteSequencer(db, Clock.systemUTC(), live);
        endpoint = new SubscribeRepos(new Feed(sequencer, live, 4, Duration.ofDays(1), Clock.systemUTC(), timer,
                Duration.ofMillis(300), Duration.ofMillis(50)));
        web = WebServer.builder().host("127.0.0.1").port(0)
                .addRouting(WsRouting.builder().endpoint(SubscribeRepos.PATH, endpoint::listener))
                .build().start();
    }

    @AfterEach
    void stop() {
        web.stop();
        endpoint.close();
        timer.shutdownNow();
        db.close();
        threads.close();
    }

    @Test
    void aQuietSubscriptionIsPingedSoTheServersIdleTimeoutKeepsIt() {
        try (FirehoseClient client = FirehoseClient.connect(web.port(), "")) {
            Await.until(() -> client.pings() >= 3, "three keep-alive pings");
            Did did = TestAccounts.randomPlcDid();
            sequencer.append(new RepoEvent.IdentityEvent(did, java.util.Optional.empty()));
            assertEquals(1, client.next().seq(), "still subscribed");
        }
    }

    @Test
    void aCutOffSubscriberThatNeverReadsAgainIsDisconnectedAfterTheGracePeriod() {
        try (FirehoseClient stalled = FirehoseClient.stalled(web.port(), "")) {
            Await.until(() -> endpoint.connections() == 1, "the subscription");
            Did did = TestAccounts.randomPlcDid();
            byte[] blocks = new byte[512 * 1024];
            for (int i = 0; i < 40 && endpoint.connections() == 1; i++) {
                sequencer.append(new RepoEvent.SyncEvent(did, Tid.of(1_000_000L + i, 0), blocks));
            }
            Await.until(() -> endpoint.connections() == 0, "the stalled connection to be closed");
        }
    }
}
