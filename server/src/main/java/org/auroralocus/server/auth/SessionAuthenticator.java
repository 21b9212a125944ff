package org.auroralocus.server.auth;

import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.config.Secret;
import org.auroralocus.server.xrpc.Auth;
import org.auroralocus.server.xrpc.Authenticator;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.Caller.Scope;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * Checks each request's credentials against its route's {@link Auth}, with the official PDS's
 * errors (see REFERENCE-BEHAVIOUR.md): no credentials are {@code 401 AuthMissing}, a present but
 * unusable token {@code 400 InvalidToken} (or {@code ExpiredToken}), wrong admin credentials
 * {@code 401 AuthenticationRequired}. Access tokens are checked without touching the database;
 * service JWTs ({@link Auth#SERVICE}, {@link Auth#ACCESS_OR_SERVICE}) by a {@link ServiceJwtVerifier},
 * which answers with the official {@code 401 BadJwt...} names.
 */
public final class SessionAuthenticator implements Authenticator {
    private static final Set<Scope> FULL = EnumSet.of(Scope.ACCESS);
    private static final Set<Scope> FULL_OR_TAKENDOWN = EnumSet.of(Scope.ACCESS, Scope.TAKENDOWN);
    private static final Set<Scope> PRIVILEGED = EnumSet.of(Scope.ACCESS, Scope.APP_PASS_PRIVILEGED);
    private static final Set<Scope> STANDARD = EnumSet.of(Scope.ACCESS, Scope.APP_PASS_PRIVILEGED, Scope.APP_PASS);
    private static final Set<Scope> OR_TAKENDOWN = EnumSet.allOf(Scope.class);

    /**
     * The admin methods the official PDS also opens to a moderation service: a Bearer token on them
     * is taken for a service JWT from an untrusted issuer (401 UntrustedIss). The other admin
     * methods (createInviteCode, admin.deleteAccount, ...) answer 401 AuthenticationRequired.
     */
    private static final Set<String> MODERATOR_METHODS = Set.of(
            "com.atproto.admin.disableAccountInvites", "com.atproto.admin.disableInviteCodes",
            "com.atproto.admin.enableAccountInvites", "com.atproto.admin.getAccountInfo",
            "com.atproto.admin.getAccountInfos", "com.atproto.admin.getInviteCodes",
            "com.atproto.admin.getSubjectStatus", "com.atproto.admin.sendEmail",
            "com.atproto.admin.updateSubjectStatus");

    /** Logging out works with an expired refresh token too, as in the official PDS. */
    private static final String DELETE_SESSION = "com.atproto.server.deleteSession";

    private static final byte[] ADMIN_USER = "admin".getBytes(StandardCharsets.UTF_8);

    private final SessionJwts jwts;
    private final Secret adminPassword;
    private final Optional<ServiceJwtVerifier> serviceJwts;

    /** Without service authentication: service JWTs are refused (until the composition root passes a verifier). */
    public SessionAuthenticator(SessionJwts jwts, Secret adminPassword) {
        this(jwts, adminPassword, Optional.empty());
    }

    public SessionAuthenticator(SessionJwts jwts, Secret adminPassword, ServiceJwtVerifier serviceJwts) {
        this(jwts, adminPassword, Optional.of(serviceJwts));
    }

    private SessionAuthenticator(SessionJwts jwts, Secret adminPassword, Optional<ServiceJwtVerifier> serviceJwts) {
        this.jwts = jwts;
        this.adminPassword = adminPassword;
        this.serviceJwts = serviceJwts;
    }

    @Override public Caller authenticate(Auth auth, Nsid nsid, Optional<String> authorization) {
        return switch (auth) {
            case NONE -> new Caller.Anonymous();
            case OPTIONAL -> optional(authorization, nsid);
            case ACCESS -> access(AuthorizationHeader.parse(authorization), STANDARD);
            case ACCESS_FULL -> access(AuthorizationHeader.parse(authorization), FULL);
            case ACCESS_FULL_OR_TAKENDOWN -> access(AuthorizationHeader.parse(authorization), FULL_OR_TAKENDOWN);
            case ACCESS_PRIVILEGED -> access(AuthorizationHeader.parse(authorization), PRIVILEGED);
            case ACCESS_OR_TAKENDOWN -> access(AuthorizationHeader.parse(authorization), OR_TAKENDOWN);
            case REFRESH -> refresh(AuthorizationHeader.parse(authorization), nsid.toString().equals(DELETE_SESSION));
            case ADMIN -> admin(authorization, MODERATOR_METHODS.contains(nsid.toString()));
            case SERVICE -> service(AuthorizationHeader.parse(authorization), nsid);
            case ACCESS_OR_SERVICE -> accessOrService(AuthorizationHeader.parse(authorization), nsid);
        };
    }

    /**
     * Anyone; a user's token, a service JWT (createAccount for a migrating account) or the admin's
     * password when given, and then it must be right.
     */
    private Caller optional(Optional<String> authorization, Nsid nsid) {
        Optional<AuthorizationHeader> header = AuthorizationHeader.parse(authorization);
        if (header.isEmpty()) return new Caller.Anonymous();
        if (header.get().scheme() == AuthorizationHeader.Scheme.BASIC) return admin(authorization, false);
        return accessOrService(header, nsid);
    }

    private Caller access(Optional<AuthorizationHeader> header, Set<Scope> allowed) {
        if (header.isEmpty()) throw XrpcException.authMissing();
        return switch (header.get().scheme()) {
            case BEARER -> {
                String token = header.get().bearerToken().orElseThrow(XrpcException::authMissing);
                SessionJwts.Access access = jwts.verifyAccess(token, allowed);
                yield new Caller.User(access.did(), access.scope(), Optional.empty());
            }
            // TODO(oauth issue): DPoP-bound OAuth access tokens; until then they are refused plainly
            case DPOP -> throw XrpcException.invalidToken("OAuth (DPoP) tokens are not supported by this server yet");
            case BASIC -> throw XrpcException.invalidToken("Unexpected authorization type");
        };
    }

    /** refreshSession and deleteSession: only a Bearer refresh token counts, anything else is no credentials. */
    private Caller refresh(Optional<AuthorizationHeader> header, boolean allowExpired) {
        String token = header.flatMap(AuthorizationHeader::bearerToken).orElseThrow(XrpcException::authMissing);
        SessionJwts.Refresh refresh = jwts.verifyRefresh(token, allowExpired);
        return new Caller.Refresh(refresh.did(), refresh.tokenId());
    }

    /** Basic {@code admin:PDS_ADMIN_PASSWORD}, compared in constant time. */
    private Caller admin(Optional<String> authorization, boolean moderatorMethod) {
        Optional<AuthorizationHeader> header;
        try {
            header = AuthorizationHeader.parse(authorization);
        } catch (XrpcException e) {
            if (moderatorMethod) throw e;
            throw XrpcException.authenticationRequired("Authentication Required");
        }
        if (moderatorMethod && header.isPresent() && header.get().scheme() == AuthorizationHeader.Scheme.BEARER) {
            throw new XrpcException(401, "UntrustedIss", "Untrusted issuer");
        }
        if (header.isEmpty() || header.get().scheme() != AuthorizationHeader.Scheme.BASIC
                || !adminCredentialsMatch(header.get().credentials())) {
            throw XrpcException.authenticationRequired("Authentication Required");
        }
        return new Caller.Admin();
    }

    private boolean adminCredentialsMatch(String base64) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        // the password may itself contain colons: only the first one separates
        int colon = decoded.indexOf(':');
        if (colon < 0) return false;
        boolean user = MessageDigest.isEqual(ADMIN_USER, decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8));
        boolean password = adminPassword.matches(decoded.substring(colon + 1));
        return user & password;
    }

    /**
     * A service JWT from an account, bound to this method. A token whose {@code iss} names one of the
     * DID's services ({@code did#atproto_labeler}) speaks for that service, not for the account: the
     * official PDS hands such an {@code iss} on as the caller's "DID", which then matches no account;
     * here it is refused outright.
     */
    private Caller service(Optional<AuthorizationHeader> header, Nsid nsid) {
        String token = header.flatMap(AuthorizationHeader::bearerToken).orElseThrow(() ->
                new XrpcException(401, "MissingJwt", "missing jwt"));
        ServiceJwtVerifier verifier = serviceJwts.orElseThrow(() ->
                XrpcException.authenticationRequired("Service authentication is not supported by this server yet"));
        VerifiedServiceJwt jwt = verifier.verify(token, nsid);
        if (jwt.issService().isPresent()) throw new XrpcException(401, "UntrustedIss", "Untrusted issuer");
        return new Caller.Service(jwt.iss(), jwt.aud(), Optional.of(jwt.lxm().value()));
    }

    /**
     * A token with an {@code lxm} claim is certainly a service JWT (session tokens never have one);
     * anything else is taken for an access token, as in the official PDS.
     */
    private Caller accessOrService(Optional<AuthorizationHeader> header, Nsid nsid) {
        Optional<String> token = header.flatMap(AuthorizationHeader::bearerToken);
        if (token.isPresent() && hasLxm(token.get())) return service(header, nsid);
        return access(header, STANDARD);
    }

    private static boolean hasLxm(String token) {
        try {
            Map<String, Object> payload = SignedJWT.parse(token).getPayload().toJSONObject();
            return payload != null && payload.get("lxm") != null;
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }
}
