package org.placementtracker.changes;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.placementtracker.common.CursorCodec;
import org.placementtracker.common.EntityType;
import org.placementtracker.common.PageRequest;
import org.placementtracker.common.ProblemException;
import org.placementtracker.security.CurrentCaller;

/**
 * Reads the change feed: events written by triggers in the changing transaction, ordered by
 * (transaction id, sequence).
 *
 * <p>A transaction gets its id when it first writes, not when it commits, so a low id can commit
 * long after higher ones, and every database of the server draws from the same ids. A reader's
 * position ({@link FeedPosition}) is therefore a point (txid, seq) plus the pending transactions:
 * ids below the point that were still running when a read passed them. Each read runs in one
 * REPEATABLE READ snapshot, so it sees exactly the events of the transactions that had committed
 * when it began, and the snapshot lists those still running ({@code pg_snapshot_xip}). A read
 * returns, in (txid, seq) order and at most {@code limit}: the events of pending transactions that
 * have committed since, then the visible events past the point. The next cursor moves the point past
 * what was returned (past the whole snapshot when the page was not full); running transactions it
 * passes join the pending list, ended ones leave it. Every event carries the cursor of the position
 * right after it.
 *
 * <p>Exactly once: an event is returned only by a read that sees it, that is once its transaction
 * has committed, and all of a transaction's events become visible together. Below the point, every
 * transaction is either pending or was seen ended by the read that moved the point past it, which
 * returned all of its events; a pending one's events come with the first read that sees it
 * committed, and it leaves the list once they are all out (its seq records how far a page cut short
 * got). The point never moves back and a transaction leaves the list for good, so nothing is
 * returned twice. Transactions of other databases appear in the snapshot too; they write nothing
 * here and leave the list with the first read after they end, so the list holds at most the
 * transactions running at once, capped at {@link FeedPosition#MAX_PENDING}: beyond that a read stops
 * before the first running transaction that does not fit, and waits for it as every read used to
 * wait for the oldest running transaction. A long transaction thus delays only its own events.
 *
 * <p>Order: a transaction's events come together, in the order written; transactions come in id
 * order, except that one still running when a read passed it comes later, once it has committed. Two
 * transactions that changed the same row come in id order, which can differ from their commit order
 * when the later one took its id first and then waited for the other's row lock; events are thin,
 * and the resource fetched after either shows its latest state.
 *
 * <p>Retention removes events by age and records the newest position removed (the horizon). A
 * cursor whose point lies before it, or with a pending transaction that has ended and whose events
 * lie before it, answers 410: its events may be gone. A transaction open longer than the retention
 * period can have its events removed as soon as it commits, and its readers are told so rather than
 * left short.
 */
@ApplicationScoped
public class ChangeFeedService {

    /** after=now: skip the history, follow changes from here on. */
    static final String NOW = "now";

    private final AgroalDataSource dataSource;
    private final CursorCodec cursors;
    private final CurrentCaller caller;
    private final Duration retention;

    public ChangeFeedService(
            AgroalDataSource dataSource, CursorCodec cursors, CurrentCaller caller, ChangeFeedSettings settings) {
        this.dataSource = dataSource;
        this.cursors = cursors;
        this.caller = caller;
        this.retention = settings.retention();
    }

    public ChangePage after(String cursor, PageRequest page) {
        UUID firm = caller.partnerFirm();
        String scope = "changes?" + (firm == null ? "all" : firm);
        if (NOW.equals(cursor)) {
            // Past every transaction that has ended; those still running become pending and come once
            // committed. Beyond the pending cap it stops at the first one that does not fit, so a few
            // changes from just before now may come as well.
            return inOneSnapshot((c, snapshot) -> new ChangePage(
                    List.of(),
                    encode(scope, FeedPosition.START.settled(snapshot, FeedPosition.START.barrier(snapshot)))));
        }
        FeedPosition from =
                cursor == null ? FeedPosition.START : FeedPosition.fromCursor(cursors.decode(scope, cursor));
        // Staff readers sweep; a partner's connection may not delete events (row-level security).
        if (firm == null && ThreadLocalRandom.current().nextInt(200) == 0) {
            expireOldEvents();
        }
        return inOneSnapshot((c, snapshot) -> {
            requireRetained(c, from, snapshot);
            long barrier = from.barrier(snapshot);
            String sql = "select e.txid::text, e.seq, e.entity_type, e.entity_id, e.operation, e.occurred_at from ("
                    + "(select e.* from unnest(?::text[]::xid8[], ?::bigint[]) pending (txid, seq) cross join lateral "
                    + "(select e.* from change_event e where e.txid = pending.txid and e.seq > pending.seq"
                    + " order by e.seq limit ?) e) union all "
                    + "(select e.* from change_event e where (e.txid, e.seq) > (?::xid8, ?) and e.txid < ?::xid8"
                    + " order by e.txid, e.seq limit ?)"
                    + ") e order by e.txid, e.seq limit ?";
            List<ChangeEvent> events = new ArrayList<>();
            FeedPosition last = from;
            try (PreparedStatement select = c.prepareStatement(sql)) {
                int i = 1;
                select.setArray(
                        i++,
                        c.createArrayOf(
                                "text",
                                from.pending().stream()
                                        .map(p -> Long.toString(p.txid()))
                                        .toArray(String[]::new)));
                select.setArray(
                        i++,
                        c.createArrayOf(
                                "bigint",
                                from.pending().stream()
                                        .map(FeedPosition.Pending::seq)
                                        .toArray(Long[]::new)));
                select.setInt(i++, page.limit());
                select.setString(i++, Long.toString(from.txid()));
                select.setLong(i++, from.seq());
                select.setString(i++, Long.toString(barrier));
                select.setInt(i++, page.limit());
                select.setInt(i, page.limit());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        last = from.after(Long.parseLong(rows.getString(1)), rows.getLong(2), snapshot);
                        events.add(new ChangeEvent(
                                encode(scope, last),
                                EntityType.of(rows.getString(3)),
                                rows.getString(4),
                                ChangeOperation.valueOf(rows.getString(5)),
                                rows.getTimestamp(6).toInstant()));
                    }
                }
            }
            // A full page may have more behind it; a shorter one returned all the snapshot shows.
            FeedPosition next = events.size() == page.limit() ? last : from.settled(snapshot, barrier);
            return new ChangePage(events, encode(scope, next));
        });
    }

    private String encode(String scope, FeedPosition position) {
        return cursors.encode(scope, position.toCursor());
    }

    /** A read of the feed, given its connection and the snapshot it sees. */
    private interface SnapshotRead<T> {
        T read(Connection c, Snapshot snapshot) throws SQLException;
    }

    /**
     * Runs a read in one REPEATABLE READ snapshot: the events a page returns and the transactions its
     * cursor records as still running must be of the same moment, or an event could come twice or never.
     */
    private <T> T inOneSnapshot(SnapshotRead<T> read) {
        try (Connection c = dataSource.getConnection()) {
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try (Statement statement = c.createStatement();
                    ResultSet row = statement.executeQuery("select pg_current_snapshot()::text")) {
                row.next();
                return read.read(c, Snapshot.parse(row.getString(1)));
            } finally {
                // Read only: ending with a rollback changes nothing.
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the change feed", e);
        }
    }

    /** A cursor that may have lost events to retention: 410, start again from a full read. */
    private static void requireRetained(Connection c, FeedPosition from, Snapshot snapshot) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select txid::text, seq from change_feed_horizon");
                ResultSet row = select.executeQuery()) {
            if (row.next() && from.missesEventsBefore(Long.parseLong(row.getString(1)), row.getLong(2), snapshot)) {
                throw new ProblemException(
                        410,
                        "cursor-expired",
                        "Cursor too old",
                        "Events before this cursor were removed after the retention period; read the "
                                + "resources afresh and follow the feed from a new cursor");
            }
        }
    }

    /**
     * Readers sweep events past the retention period now and then, remembering where they cut. The
     * horizon only moves forward: a sweep that removes only the events of a transaction that began long
     * ago but committed late must not make cursors look intact that an earlier sweep cut short.
     */
    void expireOldEvents() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement sweep = c.prepareStatement(
                        "with gone as (delete from change_event where occurred_at < ? returning txid, seq) "
                                + "update change_feed_horizon h set txid = g.txid, seq = g.seq from "
                                + "(select txid, seq from gone order by txid desc, seq desc limit 1) g "
                                + "where (g.txid, g.seq) > (h.txid, h.seq)")) {
            sweep.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            sweep.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot expire change-feed events", e);
        }
    }
}
