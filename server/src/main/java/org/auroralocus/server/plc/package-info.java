/**
 * The PLC directory this server embeds (for the local trial and offline use), stored in
 * {@code plc.sqlite} and served under {@code /plc} with plc.directory's routes, answers and error
 * messages: {@code POST /plc/{did}}, {@code GET /plc/{did}}, {@code /data}, {@code /log},
 * {@code /log/audit}, {@code /log/last}.
 *
 * <p>An operation is accepted when it is well formed within the reference directory's limits
 * ({@link org.auroralocus.server.plc.OperationLimits}), is signed by a rotation key in force (for a
 * genesis operation, one of its own, and it must hash to the DID), and names the log's head as
 * {@code prev}. Submissions for one DID are serialized.
 *
 * <p>Left out, deliberately: recovery (a higher-authority rotation key replacing operations of the
 * last 72 hours, which nullifies them — such an operation is refused with a message saying so;
 * nothing here is ever nullified), the per-DID rate limits, {@code /export} and
 * {@code /export/stream}. A single PDS is this directory's only writer, so none of them is needed
 * for it to work; an operation it accepts is one plc.directory would accept too.
 */
package org.auroralocus.server.plc;
