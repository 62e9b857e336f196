package org.placementtracker.common;

/** Optional text fields: blank means absent, and what is kept is trimmed. */
public final class Text {

    private Text() {
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
