package io.jenkins.plugins.branchdeploy.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over a sequence of parts, each preceded by its length, so that two different sequences
 * never run together into the same bytes; written as {@code sha256:<hex>}.
 */
public final class ContentDigest {

    private final MessageDigest sha256;

    public ContentDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public ContentDigest add(String text) {
        return add(text.getBytes(StandardCharsets.UTF_8));
    }

    public ContentDigest add(byte[] bytes) {
        sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) ':');
        sha256.update(bytes);
        return this;
    }

    /** The digest of the parts added so far, e.g. {@code sha256:9f86d0…}; adds nothing more after it. */
    public String value() {
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }
}
