package org.auroralocus.atproto.identity.plc;

import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;

/** Fixed keys, so failures reproduce: a server rotation key, a second (P-256) rotation key, a signing key and a stranger. */
final class PlcTestKeys {
    private PlcTestKeys() {}

    static final KeyPair ROTATION = KeyPair.fromHex(Curve.K256, "1f".repeat(32));
    static final KeyPair RECOVERY = KeyPair.fromHex(Curve.P256, "2e".repeat(32));
    static final KeyPair SIGNING = KeyPair.fromHex(Curve.K256, "3d".repeat(32));
    static final KeyPair STRANGER = KeyPair.fromHex(Curve.K256, "4c".repeat(32));
}
