/**
 * The first-start setup wizard: a local trial or a public server (hostname, port), the data folder,
 * the admin password (generated, shown once), optional e-mail; it writes {@code pds.env}.
 */
package org.auroralocus.gui.setup;
