package org.placementtracker.common;

/**
 * Whose cursors these are: a cursor is accepted only from the audience it was issued to (a partner
 * firm's callers, or staff), so a cursor handed from one to the other is refused rather than read.
 */
public interface CursorAudience {

    /** The current request's audience, e.g. "staff" or "partner:&lt;firm id&gt;". */
    String current();
}
