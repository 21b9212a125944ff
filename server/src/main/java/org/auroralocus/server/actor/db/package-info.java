/** The SQL of an actor store, one class per table. */
package org.auroralocus.server.actor.db;
