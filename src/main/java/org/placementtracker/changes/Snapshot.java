package org.placementtracker.changes;

import java.util.Arrays;

/**
 * What a read of the feed could see: PostgreSQL's snapshot of its transaction. Transactions below
 * {@code xmax} and not in {@code inProgress} had ended when the read began, so all their events were
 * visible to it; the others may still add events. {@code inProgress} covers every database of the
 * server, since transaction ids are shared by all of them.
 */
record Snapshot(long xmax, long[] inProgress) {

    /** Reads the text form of {@code pg_current_snapshot()}: {@code xmin:xmax:xip,xip,...}. */
    static Snapshot parse(String text) {
        String[] parts = text.split(":", -1);
        long[] inProgress = parts[2].isEmpty()
                ? new long[0]
                : Arrays.stream(parts[2].split(","))
                        .mapToLong(Long::parseLong)
                        .sorted()
                        .toArray();
        return new Snapshot(Long.parseLong(parts[1]), inProgress);
    }

    /** Whether the transaction may still add events: it had not ended when the snapshot was taken. */
    boolean running(long txid) {
        return txid >= xmax || Arrays.binarySearch(inProgress, txid) >= 0;
    }
}
