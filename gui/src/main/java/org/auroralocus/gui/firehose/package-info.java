/** The Firehose screen: the server's event stream, live, with filters, a detail pane and a rate sparkline. */
package org.auroralocus.gui.firehose;
