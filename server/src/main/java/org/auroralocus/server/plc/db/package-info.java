/**
 * Storage of the embedded PLC directory: the {@code plc_operation} table of {@code plc.sqlite}
 * (migrations in {@code /db/plc/}).
 */
package org.auroralocus.server.plc.db;
