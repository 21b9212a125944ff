/**
 * Load benchmarks of the running server (outside the test run): {@code ./aurora bench-server}.
 * They start a real server on loopback in a temporary folder and drive it over HTTP, as the
 * official PDS's figures in {@code ../shared/docs/PERFORMANCE.md} were measured.
 */
package org.auroralocus.server.bench;
