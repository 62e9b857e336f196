package org.placementtracker.report;

/**
 * A report with what its exports show besides the numbers: the one-line statement of its filters
 * (names, never ids) that titles them, and the name a download is saved under.
 */
record Described<T>(T report, String filters, DownloadName fileName) {}
