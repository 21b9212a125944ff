/**
 * XRPC over Helidon: the route table ({@link org.auroralocus.server.xrpc.XrpcRoutes}), the one
 * dispatcher for {@code /xrpc/{nsid}}, binding of query parameters and JSON bodies into each
 * endpoint's records, the error mapping to {@code {"error", "message"}} with the official statuses,
 * and CORS. Endpoint classes live in sub-packages that spell their NSID.
 */
package org.auroralocus.server.xrpc;
