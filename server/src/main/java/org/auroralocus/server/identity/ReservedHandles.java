package org.auroralocus.server.identity;

import java.util.Set;

/**
 * Names under the server's own handle domains that no account may take: they would let someone
 * impersonate the service, its staff or well-known infrastructure. Our own list, short on purpose.
 */
final class ReservedHandles {
    private static final Set<String> NAMES = Set.of(
            "abuse", "about", "account", "accounts", "admin", "administrator", "api", "app", "atproto", "auth",
            "blog", "bluesky", "bot", "bsky", "contact", "dev", "developer", "docs", "email", "feed", "feeds",
            "ftp", "help", "home", "hostmaster", "info", "invite", "invites", "login", "logout", "mail",
            "moderation", "moderator", "mod", "news", "noreply", "no-reply", "official", "oauth", "pds", "plc",
            "postmaster", "privacy", "root", "security", "service", "settings", "signup", "staff", "status",
            "support", "system", "team", "terms", "test", "webmaster", "www", "xrpc", "aurora", "auroralocus");

    private ReservedHandles() {}

    static boolean isReserved(String label) {
        return NAMES.contains(label);
    }
}
