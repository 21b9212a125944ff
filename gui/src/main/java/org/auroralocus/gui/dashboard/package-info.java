/** The Dashboard: whether the server runs, where it answers, its counts, its event rate and recent problems. */
package org.auroralocus.gui.dashboard;
