package org.placementtracker.common;

/** A representation whose version is its strong ETag, so clients can read, change and not overwrite. */
public interface Versioned {

    long version();

    /**
     * False for a representation that must be read afresh every time (an ID number revealed in
     * full: each reveal is audited, and it must not share the masked view's ETag): no ETag, no 304.
     */
    default boolean revalidatable() {
        return true;
    }
}
