package org.auroralocus.server.config;

import java.net.URI;

/** Where did:plc operations go: a remote directory such as plc.directory, or the one this server embeds. */
public sealed interface PlcDirectory {
    /** The base URL clients and our PLC client use. */
    URI url();

    record Remote(URI url) implements PlcDirectory {}

    /** Served by this server under {@code /plc}, for the local trial and offline use. */
    record Embedded(URI url) implements PlcDirectory {}
}
