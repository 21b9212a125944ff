package org.auroralocus.server.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.identity.plc.PlcOperation;
import org.auroralocus.atproto.identity.plc.PlcService;

/**
 * The parts of a DID's state a signPlcOperation request replaces; each absent part keeps the value
 * of the DID's latest operation. Values are kept as given: the PLC directory judges them on submission.
 */
public record PlcChanges(Optional<List<String>> rotationKeys, Optional<List<String>> alsoKnownAs,
                         Optional<Map<String, String>> verificationMethods, Optional<Map<String, PlcService>> services) {

    /** {@code next} (the DID's state following its latest operation) with these changes. */
    PlcOperation applyTo(PlcOperation next) {
        return new PlcOperation(
                rotationKeys.orElse(next.rotationKeys()),
                verificationMethods.orElse(next.verificationMethods()),
                alsoKnownAs.orElse(next.alsoKnownAs()),
                services.orElse(next.services()),
                next.prev());
    }
}
