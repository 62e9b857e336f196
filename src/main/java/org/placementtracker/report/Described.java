package org.placementtracker.report;

/** A report and the one-line statement of its filters (names, never ids) that titles its exports. */
record Described<T>(T report, String filters) {
}
