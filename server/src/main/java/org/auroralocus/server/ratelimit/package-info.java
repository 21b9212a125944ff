/**
 * Rate limits as the official PDS applies them: fixed windows counted per (limit, key), in memory
 * for one instance or in Redis so that several instances behind one load balancer share one count.
 */
package org.auroralocus.server.ratelimit;
