package org.placementtracker.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** API key format: a recognisable prefix and 256 random bits; stored as a SHA-256 hash. */
final class ApiKeys {

    static final String PREFIX = "ptk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean looksLikeKey(String token) {
        return token.startsWith(PREFIX);
    }

    /** High-entropy keys need no slow hash: SHA-256 is enough to keep them unusable if the table leaks. */
    static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What lists show to tell keys apart without revealing them. */
    static String displayPrefix(String key) {
        return key.substring(0, Math.min(key.length(), PREFIX.length() + 6));
    }
}
