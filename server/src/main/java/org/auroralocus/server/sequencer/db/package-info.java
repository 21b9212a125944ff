/** The SQL of the sequencer's event log. */
package org.auroralocus.server.sequencer.db;
