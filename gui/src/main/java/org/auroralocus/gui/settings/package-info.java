/** The Settings screen: the values of {@code pds.env}, checked before they are saved, then a restart. */
package org.auroralocus.gui.settings;
