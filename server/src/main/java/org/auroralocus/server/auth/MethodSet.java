package org.auroralocus.server.auth;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.auroralocus.atproto.syntax.Nsid;

/**
 * A set of XRPC methods matched case-insensitively, as the official PDS matches {@code lxm} values
 * against its lists: NSIDs are case-sensitive elsewhere, but a list of methods to refuse must not be
 * dodged by writing one in another case.
 */
public final class MethodSet {
    /**
     * Account management, done only by the PDS itself: never proxied, and no service token is issued
     * for them (see REFERENCE-BEHAVIOUR.md, "Which methods need what kind of session").
     */
    public static final MethodSet PROTECTED = new MethodSet(Set.of(
            "com.atproto.admin.sendEmail",
            "com.atproto.identity.requestPlcOperationSignature",
            "com.atproto.identity.signPlcOperation",
            "com.atproto.identity.updateHandle",
            "com.atproto.server.activateAccount",
            "com.atproto.server.confirmEmail",
            "com.atproto.server.createAppPassword",
            "com.atproto.server.deactivateAccount",
            "com.atproto.server.getAccountInviteCodes",
            "com.atproto.server.getSession",
            "com.atproto.server.listAppPasswords",
            "com.atproto.server.requestAccountDelete",
            "com.atproto.server.requestEmailConfirmation",
            "com.atproto.server.requestEmailUpdate",
            "com.atproto.server.revokeAppPassword",
            "com.atproto.server.updateEmail"));

    /** Methods that need a full session or a privileged app password: direct messages, and createAccount by service auth. */
    public static final MethodSet PRIVILEGED = new MethodSet(Set.of(
            "chat.bsky.actor.deleteAccount",
            "chat.bsky.actor.exportAccountData",
            "chat.bsky.convo.deleteMessageForSelf",
            "chat.bsky.convo.getConvo",
            "chat.bsky.convo.getConvoForMembers",
            "chat.bsky.convo.getLog",
            "chat.bsky.convo.getMessages",
            "chat.bsky.convo.leaveConvo",
            "chat.bsky.convo.listConvos",
            "chat.bsky.convo.muteConvo",
            "chat.bsky.convo.sendMessage",
            "chat.bsky.convo.sendMessageBatch",
            "chat.bsky.convo.unmuteConvo",
            "chat.bsky.convo.updateRead",
            "com.atproto.server.createAccount"));

    private final Set<String> lowerCase;

    private MethodSet(Set<String> methods) {
        this.lowerCase = methods.stream().map(MethodSet::normalize).collect(Collectors.toUnmodifiableSet());
    }

    public boolean contains(Nsid method) {
        return lowerCase.contains(normalize(method.value()));
    }

    private static String normalize(String method) {
        return method.toLowerCase(Locale.ROOT);
    }
}
