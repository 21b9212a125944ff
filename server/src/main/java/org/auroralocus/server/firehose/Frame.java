package org.auroralocus.server.firehose;

/**
 * One encoded event, shared by every subscriber it is sent to: {@code bytes} is the whole
 * WebSocket message and is never modified after it is built.
 */
record Frame(long seq, byte[] bytes) {}
