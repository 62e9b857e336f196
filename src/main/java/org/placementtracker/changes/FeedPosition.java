package org.placementtracker.changes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a reader of the change feed stands; its cursor carries it. Every event at or before
 * ({@code txid}, {@code seq}) has been handed out, except those of the pending transactions: lower
 * ids that were still running when a read passed them, whose events come once they have committed.
 * A pending transaction's {@code seq} is how far its events have been handed out (0: none), for a
 * page that ended in the middle of them.
 *
 * <p>Transaction ids are PostgreSQL's 64-bit {@code xid8}; they fit a {@code long} for as long as a
 * server can live (the epoch in their upper half would have to pass 2^31).
 */
record FeedPosition(long txid, long seq, List<Pending> pending) {

    /**
     * At most this many pending transactions ride in a cursor, which keeps it far below the 4096
     * characters a cursor may have. With more transactions running at once, a read stops before the
     * first one that no longer fits and goes on once it has ended, as every read used to wait for the
     * oldest running transaction.
     */
    static final int MAX_PENDING = 32;

    /** Nothing handed out yet: the feed from its beginning. */
    static final FeedPosition START = new FeedPosition(0, 0, List.of());

    record Pending(long txid, long seq) {}

    /** Cursor values: txid, seq, then one per pending transaction, "txid" or "txid:seq". */
    static FeedPosition fromCursor(List<String> values) {
        List<Pending> pending = new ArrayList<>();
        for (String value : values.subList(2, values.size())) {
            int colon = value.indexOf(':');
            pending.add(
                    colon < 0
                            ? new Pending(Long.parseLong(value), 0)
                            : new Pending(
                                    Long.parseLong(value.substring(0, colon)),
                                    Long.parseLong(value.substring(colon + 1))));
        }
        return new FeedPosition(Long.parseLong(values.get(0)), Long.parseLong(values.get(1)), List.copyOf(pending));
    }

    List<String> toCursor() {
        List<String> values = new ArrayList<>(2 + pending.size());
        values.add(Long.toString(txid));
        values.add(Long.toString(seq));
        for (Pending p : pending) {
            values.add(p.seq() == 0 ? Long.toString(p.txid()) : p.txid() + ":" + p.seq());
        }
        return values;
    }

    /**
     * The lowest transaction id a read in this snapshot must not reach, so that the running
     * transactions it passes still fit in the cursor; {@link Long#MAX_VALUE} when they all do.
     */
    long barrier(Snapshot snapshot) {
        int room = Math.max(
                0,
                MAX_PENDING
                        - (int) pending.stream()
                                .filter(p -> snapshot.running(p.txid()))
                                .count());
        long[] ahead =
                Arrays.stream(snapshot.inProgress()).filter(id -> id >= txid).toArray();
        return ahead.length > room ? ahead[room] : Long.MAX_VALUE;
    }

    /**
     * The position right after one event of a read in this snapshot. A read returns events in (txid,
     * seq) order, so the pending transactions' events come first (their ids are lower), then those
     * past the position.
     */
    FeedPosition after(long eventTxid, long eventSeq, Snapshot snapshot) {
        if (eventTxid >= txid) {
            return advancedTo(eventTxid, eventSeq, snapshot);
        }
        // Among the pending transactions: the committed ones before this event have given all they had.
        List<Pending> left = new ArrayList<>();
        for (Pending p : pending) {
            if (p.txid() == eventTxid) {
                left.add(new Pending(eventTxid, eventSeq));
            } else if (p.txid() > eventTxid || snapshot.running(p.txid())) {
                left.add(p);
            }
        }
        return new FeedPosition(txid, seq, List.copyOf(left));
    }

    /**
     * The position after a read that returned every event it could see below the barrier: past all
     * transactions that had ended when it began, not only past its last event (a quiet reader's
     * cursor moves with time, and a partner's is not held back by other firms' events).
     */
    FeedPosition settled(Snapshot snapshot, long barrier) {
        long upTo = Math.min(barrier, snapshot.xmax());
        return upTo > txid ? advancedTo(upTo, 0, snapshot) : advancedTo(txid, seq, snapshot);
    }

    /**
     * Whether retention, which removed events up to the horizon, may have removed events this reader
     * has not had yet. A pending transaction still running has lost nothing: a sweep cannot see its events.
     */
    boolean missesEventsBefore(long horizonTxid, long horizonSeq, Snapshot snapshot) {
        if ((txid != 0 || seq != 0) && before(txid, seq, horizonTxid, horizonSeq)) {
            return true;
        }
        return pending.stream()
                .anyMatch(p -> !snapshot.running(p.txid()) && before(p.txid(), p.seq(), horizonTxid, horizonSeq));
    }

    /**
     * Moves to (toTxid, toSeq), having handed out every event up to it that the snapshot shows:
     * pending transactions that have ended are done; those still running stay, and running ones
     * passed on the way join them.
     */
    private FeedPosition advancedTo(long toTxid, long toSeq, Snapshot snapshot) {
        List<Pending> left = new ArrayList<>();
        for (Pending p : pending) {
            if (snapshot.running(p.txid())) {
                left.add(p);
            }
        }
        for (long id : snapshot.inProgress()) {
            if (id >= txid && id < toTxid) {
                left.add(new Pending(id, 0));
            }
        }
        return new FeedPosition(toTxid, toSeq, List.copyOf(left));
    }

    private static boolean before(long txid, long seq, long otherTxid, long otherSeq) {
        return txid < otherTxid || (txid == otherTxid && seq < otherSeq);
    }
}
