package org.placementtracker.changes;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.placementtracker.common.CursorCodec;
import org.placementtracker.common.PageRequest;
import org.placementtracker.common.ProblemException;
import org.placementtracker.security.CurrentCaller;

/**
 * Reads the change feed. Events are ordered by (transaction id, sequence) and a page never reaches
 * past the oldest transaction still running, so an event whose transaction commits late has not
 * been passed over: every reader following the cursors sees each committed change exactly once.
 */
@ApplicationScoped
public class ChangeFeedService {

    /** A partner sees events of objects at its firm, and of students placed there. */
    private static final String PARTNER_SCOPE = " and (e.firm_id = ? or (e.entity_type = 'student' and exists ("
            + "select 1 from placement p where p.student_id = e.student_id and p.firm_id = ?)))";

    /** after=now: skip the history, follow changes from here on. */
    static final String NOW = "now";

    private final AgroalDataSource dataSource;
    private final CursorCodec cursors;
    private final CurrentCaller caller;
    private final Duration retention;

    public ChangeFeedService(AgroalDataSource dataSource, CursorCodec cursors, CurrentCaller caller,
            @ConfigProperty(name = "pt.change-feed.retention", defaultValue = "30D") Duration retention) {
        this.dataSource = dataSource;
        this.cursors = cursors;
        this.caller = caller;
        this.retention = retention;
    }

    public ChangePage after(String cursor, PageRequest page) {
        UUID firm = caller.partnerFirm();
        String scope = "changes?" + (firm == null ? "all" : firm);
        String txid = "0";
        long seq = 0;
        if (NOW.equals(cursor)) {
            return new ChangePage(List.of(), cursors.encode(scope, now()));
        }
        if (cursor != null) {
            List<String> position = cursors.decode(scope, cursor);
            txid = position.get(0);
            seq = Long.parseLong(position.get(1));
        }
        if (ThreadLocalRandom.current().nextInt(200) == 0) {
            expireOldEvents();
        }
        try (Connection c = dataSource.getConnection()) {
            requireRetained(c, txid, seq);
            String sql = "select e.txid::text, e.seq, e.entity_type, e.entity_id, e.operation, e.occurred_at "
                    + "from change_event e where (e.txid, e.seq) > (?::xid8, ?) "
                    + "and e.txid < pg_snapshot_xmin(pg_current_snapshot())"
                    + (firm == null ? "" : PARTNER_SCOPE) + " order by e.txid, e.seq limit ?";
            List<ChangeEvent> events = new ArrayList<>();
            String lastTxid = txid;
            long lastSeq = seq;
            try (PreparedStatement select = c.prepareStatement(sql)) {
                int i = 1;
                select.setString(i++, txid);
                select.setLong(i++, seq);
                if (firm != null) {
                    select.setObject(i++, firm);
                    select.setObject(i++, firm);
                }
                select.setInt(i, page.limit());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        lastTxid = rows.getString(1);
                        lastSeq = rows.getLong(2);
                        events.add(new ChangeEvent(cursors.encode(scope, List.of(lastTxid, Long.toString(lastSeq))),
                                rows.getString(3), rows.getString(4), rows.getString(5),
                                rows.getTimestamp(6).toInstant()));
                    }
                }
            }
            return new ChangePage(events, cursors.encode(scope, List.of(lastTxid, Long.toString(lastSeq))));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the change feed", e);
        }
    }

    /** The position after the last event no running transaction can still add to: a reader's "from now on". */
    private List<String> now() {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "select e.txid::text, e.seq from change_event e where e.txid < pg_snapshot_xmin(pg_current_snapshot()) "
                        // e.txid, not txid: the bare name is the text output column, where "999" sorts after "1000"
                        + "order by e.txid desc, e.seq desc limit 1"); ResultSet row = select.executeQuery()) {
            return row.next() ? List.of(row.getString(1), Long.toString(row.getLong(2))) : List.of("0", "0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the change feed", e);
        }
    }

    /** A cursor behind the retention horizon has lost events: 410, start again from a full read. */
    private static void requireRetained(Connection c, String txid, long seq) throws SQLException {
        try (PreparedStatement check = c.prepareStatement(
                "select (?::xid8, ?::bigint) < (txid, seq) from change_feed_horizon")) {
            check.setString(1, txid);
            check.setLong(2, seq);
            try (ResultSet row = check.executeQuery()) {
                if (row.next() && row.getBoolean(1) && !(txid.equals("0") && seq == 0)) {
                    throw new ProblemException(410, "cursor-expired", "Cursor too old",
                            "Events before this cursor were removed after the retention period; read the "
                                    + "resources afresh and follow the feed from a new cursor");
                }
            }
        }
    }

    /**
     * Readers sweep events past the retention period now and then, remembering where they cut. The
     * horizon only moves forward: a sweep that removes only the events of a transaction that began long
     * ago but committed late must not make cursors look intact that an earlier sweep cut short.
     */
    void expireOldEvents() {
        try (Connection c = dataSource.getConnection(); PreparedStatement sweep = c.prepareStatement(
                "with gone as (delete from change_event where occurred_at < ? returning txid, seq) "
                        + "update change_feed_horizon h set txid = g.txid, seq = g.seq from "
                        + "(select txid, seq from gone order by txid desc, seq desc limit 1) g "
                        + "where (g.txid, g.seq) > (h.txid, h.seq)")) {
            sweep.setTimestamp(1, Timestamp.from(java.time.Instant.now().minus(retention)));
            sweep.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot expire change-feed events", e);
        }
    }
}
