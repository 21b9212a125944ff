/**
 * Independent checks: the official atproto TypeScript packages (run by Node 22 from
 * {@code shared/src/test/node/interop.mjs}) read what our code writes and write what it must read.
 */
package org.auroralocus.atproto.interop;
