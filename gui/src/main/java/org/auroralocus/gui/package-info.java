/** The JavaFX desktop application that runs the server in-process; its screens arrive with the GUI issue. */
package org.auroralocus.gui;
