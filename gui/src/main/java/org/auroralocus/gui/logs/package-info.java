/** The Logs screen: a live tail of the application's log records (server included), filtered by level. */
package org.auroralocus.gui.logs;
