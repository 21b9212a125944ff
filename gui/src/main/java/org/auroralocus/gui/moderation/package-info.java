/** The Moderation screen: what is taken down (accounts, records, blobs), under which reference, and its reversal. */
package org.auroralocus.gui.moderation;
