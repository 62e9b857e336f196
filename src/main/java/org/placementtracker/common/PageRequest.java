package org.placementtracker.common;

/** The paging part of a list request: how many rows and where to continue. */
public record PageRequest(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(String limit, String cursor) {
        int parsed = limit == null || limit.isBlank() ? DEFAULT_LIMIT : QueryParams.parseInt("limit", limit);
        if (parsed < 1 || parsed > MAX_LIMIT) {
            throw ProblemException.invalidQuery("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(parsed, cursor == null || cursor.isBlank() ? null : cursor);
    }
}
