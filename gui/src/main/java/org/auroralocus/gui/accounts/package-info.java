/**
 * The Accounts screen: a searchable table of the accounts hosted here, their admin actions, and a
 * browser of one account's collections, records (as JSON) and blobs.
 */
package org.auroralocus.gui.accounts;
