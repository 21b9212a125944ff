/** Test support: locating the kit of official vectors and lexicons beside the repository. */
package org.auroralocus.atproto.kit;
