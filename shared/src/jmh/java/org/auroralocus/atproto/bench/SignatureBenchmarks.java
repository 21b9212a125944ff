package org.auroralocus.atproto.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.crypto.PublicKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** One secp256k1 signature per commit, one verification per inbound commit or service JWT. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureBenchmarks {
    final KeyPair key = KeyPair.generate(Curve.K256, new SecureRandom());
    final PublicKey publicKey = key.publicKey();
    /** About the size of an unsigned commit's DAG-CBOR. */
    final byte[] commit = "did:plc:ewvi7nxzyoun6zhxrhs64oiz bafyreib2rxk3rybloqtqwbo7qt3kjs6d7fcxs5oyfacouxlbh25lgk6yvu 3l3qo2vuowo2b"
            .getBytes(StandardCharsets.UTF_8);
    final byte[] signature = key.sign(commit);

    @Benchmark
    public byte[] secp256k1Sign() {
        return key.sign(commit);
    }

    @Benchmark
    public boolean secp256k1Verify() {
        return publicKey.verify(commit, signature);
    }
}
