package io.jenkins.plugins.branchdeploy.engine.naming;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A short hash that is the same on every machine and JVM: the first bytes of SHA-256 over the
 * UTF-8 text, written in base 36. Six characters give about 31 bits, plenty to keep apart the few
 * branches whose readable names coincide.
 */
public final class StableHash {

    public static final int LENGTH = 6;

    private static final BigInteger MODULUS = BigInteger.valueOf(36).pow(LENGTH);

    private StableHash() {}

    public static String of(String text) {
        byte[] digest = sha256(text.getBytes(StandardCharsets.UTF_8));
        byte[] prefix = new byte[8];
        System.arraycopy(digest, 0, prefix, 0, prefix.length);
        String base36 = new BigInteger(1, prefix).mod(MODULUS).toString(36);
        return "0".repeat(LENGTH - base36.length()) + base36;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
