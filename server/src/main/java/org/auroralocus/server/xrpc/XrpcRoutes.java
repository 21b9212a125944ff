package org.auroralocus.server.xrpc;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Nsid;

/**
 * The table of served NSIDs: one line per endpoint, with its auth mode. The parameter and input
 * record types are read from the handler class's generic interface, so a line is just
 * {@code routes.query(GetRecord.NSID, new GetRecord(accounts, repos), Auth.OPTIONAL)}.
 */
public final class XrpcRoutes {
    /** JSON bodies above this size are refused (the official PDS's default JSON limit). */
    public static final int DEFAULT_JSON_LIMIT = 1_000_000;

    enum Kind { QUERY, PROCEDURE }

    record Route(Nsid nsid, Kind kind, Auth auth, Class<? extends Record> inputType, int bodyLimit, Object handler,
                 List<RouteLimit> limits) {}

    private final Map<String, Route> routes = new HashMap<>();

    public <P extends Record, O> void query(Nsid nsid, XrpcQuery<P, O> handler, Auth auth) {
        query(nsid, handler, auth, List.of());
    }

    /** A query with its own rate limits (applied only when rate limits are on). */
    public <P extends Record, O> void query(Nsid nsid, XrpcQuery<P, O> handler, Auth auth, List<RouteLimit> limits) {
        add(new Route(nsid, Kind.QUERY, auth, inputType(handler, XrpcQuery.class), 0, handler, List.copyOf(limits)));
    }

    public <I extends Record, O> void procedure(Nsid nsid, XrpcProcedure<I, O> handler, Auth auth) {
        procedure(nsid, handler, auth, DEFAULT_JSON_LIMIT);
    }

    /** A procedure with its own JSON body limit (createSession takes at most 150 KiB, as the official PDS). */
    public <I extends Record, O> void procedure(Nsid nsid, XrpcProcedure<I, O> handler, Auth auth, int bodyLimit) {
        procedure(nsid, handler, auth, bodyLimit, List.of());
    }

    /** A procedure with its own rate limits (applied only when rate limits are on), beside the global one. */
    public <I extends Record, O> void procedure(Nsid nsid, XrpcProcedure<I, O> handler, Auth auth, List<RouteLimit> limits) {
        procedure(nsid, handler, auth, DEFAULT_JSON_LIMIT, limits);
    }

    public <I extends Record, O> void procedure(Nsid nsid, XrpcProcedure<I, O> handler, Auth auth, int bodyLimit,
                                                List<RouteLimit> limits) {
        add(new Route(nsid, Kind.PROCEDURE, auth, inputType(handler, XrpcProcedure.class), bodyLimit, handler,
                List.copyOf(limits)));
    }

    Optional<Route> find(String nsid) {
        return Optional.ofNullable(routes.get(nsid));
    }

    public boolean serves(Nsid nsid) {
        return routes.containsKey(nsid.toString());
    }

    private void add(Route route) {
        if (routes.putIfAbsent(route.nsid().toString(), route) != null) {
            throw new IllegalStateException("two routes for " + route.nsid());
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Record> inputType(Object handler, Class<?> iface) {
        for (Class<?> c = handler.getClass(); c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == iface
                        && p.getActualTypeArguments()[0] instanceof Class<?> input) {
                    return (Class<? extends Record>) input;
                }
            }
        }
        throw new IllegalArgumentException(handler.getClass().getName()
                + " must implement " + iface.getSimpleName() + " with a concrete record type (not a lambda)");
    }
}
