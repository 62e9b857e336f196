package org.placementtracker.common;

/** Optional text fields: blank means absent, and what is kept is trimmed. */
public final class Text {

    private Text() {
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * A case-insensitive "contains" pattern for {@code like ... escape '!'}: the user's % and _ are
     * literal characters, not wildcards.
     */
    public static String containsPattern(String query) {
        if (query == null) {
            return null;
        }
        String escaped = query.toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
