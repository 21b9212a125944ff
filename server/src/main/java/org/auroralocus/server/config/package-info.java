/**
 * Typed configuration from the official PDS's {@code PDS_*} variables: the environment wins over
 * {@code pds.env} in the data folder (or the file given with {@code --env}), and secrets neither gives
 * are generated on first start and written back to {@code pds.env} with owner-only permissions, so an
 * official PDS's configuration works here as it is. Nothing here knows HTTP or SQL.
 */
package org.auroralocus.server.config;
