/**
 * The sequencer: every change a relay must hear about ({@code #commit}, {@code #sync},
 * {@code #identity}, {@code #account}) is appended to {@code sequencer.sqlite} with the next
 * {@code seq}, after the change itself has committed to its own store. Appends are serialized by
 * the database's single writer, so {@code seq} is gapless and in append order.
 */
package org.auroralocus.server.sequencer;
