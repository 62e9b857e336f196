package org.placementtracker.common;

/** A representation whose version is its strong ETag, so clients can read, change and not overwrite. */
public interface Versioned {

    long version();
}
