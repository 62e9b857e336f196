package org.placementtracker.common;

/** The paging part of a list request: how many rows and where to continue. */
public record PageRequest(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Resources declare limit as 1–200 with a default of 50 (so the document says so); checked again here. */
    public static PageRequest of(Integer limit, String cursor) {
        int parsed = limit == null ? DEFAULT_LIMIT : limit;
        if (parsed < 1 || parsed > MAX_LIMIT) {
            throw ProblemException.invalidQuery("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(parsed, cursor == null || cursor.isBlank() ? null : cursor);
    }
}
