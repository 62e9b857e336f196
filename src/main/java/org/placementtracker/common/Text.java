package org.placementtracker.common;

import java.util.Optional;

/** Text the service accepts and keeps: what PostgreSQL can store exactly as it was sent. */
public final class Text {

    private Text() {}

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Why PostgreSQL could not keep {@code value} as sent, or empty when it can. PostgreSQL rejects
     * NUL outright (a 500 if it reaches the driver); the driver turns a lone surrogate into '?', and
     * trimming turns a value of control characters into '' — both silently different data. Tab,
     * line feed and carriage return are ordinary text.
     */
    public static Optional<String> unstorable(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain NUL characters");
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("must not contain control characters");
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must be valid Unicode text (it contains a lone surrogate)");
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                return Optional.of("must not contain Unicode non-characters");
            }
        }
        return Optional.empty();
    }

    /**
     * A case-insensitive "contains" pattern for {@code like ... escape '!'}: the user's % and _ are
     * literal characters, not wildcards.
     */
    public static String containsPattern(String query) {
        if (query == null) {
            return null;
        }
        String escaped =
                query.toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
