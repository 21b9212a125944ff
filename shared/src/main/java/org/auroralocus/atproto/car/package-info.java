/**
 * CAR v1 files (https://ipld.io/specs/transport/car/carv1/): the archive format atproto uses to
 * export repositories, answer sync requests and carry firehose diffs.
 *
 * <p>{@link org.auroralocus.atproto.car.CarWriter} and {@link org.auroralocus.atproto.car.CarReader}
 * stream one block at a time, so a repository of any size passes through in constant memory. A CAR
 * is untrusted input: the reader bounds every length before it reads the bytes behind it and
 * (by default) checks each block against its CID, and answers malformed input with a
 * {@link org.auroralocus.atproto.car.CarException}, never a hang or an out-of-memory error.
 *
 * <p>This package knows nothing of commits or the MST: what the blocks mean is the
 * {@code repo} package's business.
 */
package org.auroralocus.atproto.car;
