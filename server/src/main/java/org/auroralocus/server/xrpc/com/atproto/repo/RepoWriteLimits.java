package org.auroralocus.server.xrpc.com.atproto.repo;

import java.util.List;
import org.auroralocus.server.ratelimit.RateLimiting;
import org.auroralocus.server.xrpc.RouteLimit;

/**
 * The official PDS's budget of repository writes: one hourly and one daily count per account, shared
 * by the four write methods, where a create weighs 3 points, an update 2 and a delete 1 (creating
 * grows the repository the most).
 */
final class RepoWriteLimits {
    static final int CREATE = 3;
    static final int UPDATE = 2;
    static final int DELETE = 1;

    private RepoWriteLimits() {}

    /** The hourly and daily limits, each request weighing {@code points}. */
    static List<RouteLimit> weighing(RouteLimit.Points points) {
        return List.of(RouteLimit.perAccount(RateLimiting.REPO_WRITE_HOUR, points),
                RouteLimit.perAccount(RateLimiting.REPO_WRITE_DAY, points));
    }
}
