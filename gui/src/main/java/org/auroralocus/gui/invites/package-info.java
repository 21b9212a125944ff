/** The Invites screen: invite codes with their uses; create, disable, copy. */
package org.auroralocus.gui.invites;
