package org.auroralocus.server.proxy;

import java.nio.file.Path;
import java.util.Map;
import org.auroralocus.server.TestPds;

/** A PDS in dev mode whose AppView is a {@link FakeService} on loopback. */
record AppViewPds(FakeService appView, TestPds pds) implements AutoCloseable {
    static AppViewPds start(Path dir) {
        FakeService appView = new FakeService();
        return new AppViewPds(appView, TestPds.start(dir, Map.of("PDS_BSKY_APP_VIEW_URL", appView.url(),
                "PDS_BSKY_APP_VIEW_DID", appView.did())));
    }

    @Override public void close() {
        pds.close();
        appView.close();
    }
}
