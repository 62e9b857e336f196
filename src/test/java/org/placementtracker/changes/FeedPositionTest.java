package org.placementtracker.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.placementtracker.common.CursorCodec;

/**
 * The cursor rules of the change feed against a model of PostgreSQL's transaction ids and snapshots:
 * transactions take ids when they first write, commit or roll back in any order, some belong to other
 * databases and write nothing here, and readers with small pages follow the cursors (also an event's
 * own cursor, and after=now). Every committed event must reach every reader exactly once.
 */
class FeedPositionTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void readersFollowingTheCursorsGetEveryCommittedEventOnce(long seed) {
        Server server = new Server(new Random(seed));
        List<Reader> readers = List.of(new Reader(server, 1), new Reader(server, 3), new Reader(server, 50));
        List<Reader> joined = new ArrayList<>();
        Random random = server.random;
        for (int step = 0; step < 4000; step++) {
            int action = random.nextInt(100);
            if (action < 20) {
                server.begin(random.nextInt(4) != 0);
            } else if (action < 50) {
                server.writeInSomeTransaction();
            } else if (action < 62) {
                server.endSomeTransaction(random.nextInt(5) != 0);
            } else if (action < 63 && joined.size() < 3) {
                joined.add(Reader.fromNow(server, 1 + random.nextInt(4)));
            } else if (action < 65) {
                // Enough transactions running at once that cursors cannot carry them all.
                for (int i = 0; i < FeedPosition.MAX_PENDING; i++) {
                    server.begin(false);
                }
            } else {
                Reader reader = random.nextInt(4) == 0 && !joined.isEmpty()
                        ? joined.get(random.nextInt(joined.size()))
                        : readers.get(random.nextInt(readers.size()));
                reader.read();
            }
        }
        server.endAll();
        for (Reader reader : readers) {
            reader.drain();
            assertEquals(server.committedEvents(0), reader.sorted(), "each committed event once");
        }
        for (Reader reader : joined) {
            reader.drain();
            List<Event> received = reader.sorted();
            assertEquals(received.size(), new HashSet<>(received).size(), "after=now: nothing twice");
            assertTrue(
                    received.containsAll(server.committedEvents(reader.joinedAtStep)),
                    "after=now: every event committed later");
            assertTrue(server.committedEvents(0).containsAll(received), "after=now: only committed events");
        }
    }

    @Test
    void aLongTransactionDelaysOnlyItsOwnEvents() {
        Server server = new Server(new Random(42));
        Reader reader = new Reader(server, 5);
        Transaction otherDatabase = server.begin(false);
        Transaction longOne = server.begin(true);
        server.write(longOne);
        for (int i = 0; i < 40; i++) {
            Transaction writer = server.begin(true);
            server.write(writer);
            server.end(writer, true);
            reader.read();
        }
        reader.drain();
        assertEquals(server.committedEvents(0), reader.sorted(), "the writers' events, while two stay open");
        assertTrue(
                reader.position.pending().stream()
                        .map(FeedPosition.Pending::txid)
                        .toList()
                        .containsAll(List.of(otherDatabase.id, longOne.id)),
                "both open transactions are pending");
        server.write(longOne);
        server.end(longOne, true);
        reader.drain();
        assertEquals(server.committedEvents(0), reader.sorted(), "the long one's events once it has committed");
        assertEquals(
                List.of(otherDatabase.id),
                reader.position.pending().stream()
                        .map(FeedPosition.Pending::txid)
                        .toList(),
                "the ended one is gone");
        server.end(otherDatabase, false);
        reader.drain();
        assertEquals(List.of(), reader.position.pending(), "nothing left to wait for");
    }

    @Test
    void beyondTheCapAReadWaitsForTheFirstRunningTransactionThatDoesNotFit() {
        Server server = new Server(new Random(7));
        Reader reader = new Reader(server, 10);
        List<Transaction> open = new ArrayList<>();
        for (int i = 0; i < FeedPosition.MAX_PENDING + 2; i++) {
            open.add(server.begin(false));
        }
        Transaction writer = server.begin(true);
        server.write(writer);
        server.end(writer, true);
        reader.drain();
        assertEquals(List.of(), reader.received, "held back behind the transaction that does not fit");
        assertEquals(FeedPosition.MAX_PENDING, reader.position.pending().size());
        server.end(open.get(FeedPosition.MAX_PENDING), false);
        server.end(open.get(FeedPosition.MAX_PENDING + 1), true);
        reader.drain();
        assertEquals(server.committedEvents(0), reader.sorted(), "goes on once it has ended");
    }

    @Test
    void cursorValuesRoundTrip() {
        FeedPosition position = new FeedPosition(
                10_000_000_123L,
                77,
                List.of(new FeedPosition.Pending(999, 0), new FeedPosition.Pending(10_000_000_001L, 5)));
        assertEquals(List.of("10000000123", "77", "999", "10000000001:5"), position.toCursor());
        assertEquals(position, FeedPosition.fromCursor(position.toCursor()));
        assertEquals(FeedPosition.START, FeedPosition.fromCursor(List.of("0", "0")), "a cursor from before pending");
    }

    @Test
    void aCursorWithTheMostPendingTransactionsAndTheLargestIdsStillDecodes() {
        CursorCodec codec = new CursorCodec(
                () -> Optional.of("a-secret-of-at-least-thirty-two-characters"), new ObjectMapper(), () -> "staff");
        List<FeedPosition.Pending> pending = LongStream.range(0, FeedPosition.MAX_PENDING)
                .mapToObj(i -> new FeedPosition.Pending(Long.MAX_VALUE - 100 + i, i == 0 ? Long.MAX_VALUE : 0))
                .toList();
        FeedPosition position = new FeedPosition(Long.MAX_VALUE - 1, Long.MAX_VALUE, pending);
        String scope = "changes?" + "00000000-0000-0000-0000-000000000000";
        String cursor = codec.encode(scope, position.toCursor());
        assertEquals(position, FeedPosition.fromCursor(codec.decode(scope, cursor)), cursor.length() + " characters");
    }

    // ---- a model of the server ------------------------------------------------------------

    record Event(long txid, long seq) {}

    static final class Transaction {
        final long id;
        final boolean writesHere;
        final List<Event> events = new ArrayList<>();
        boolean running = true;
        boolean committed;
        int committedAtStep;

        Transaction(long id, boolean writesHere) {
            this.id = id;
            this.writesHere = writesHere;
        }
    }

    /** Ids, snapshots and visibility as PostgreSQL has them; a read is the service's query, in Java. */
    static final class Server {
        final Random random;
        final Map<Long, Transaction> transactions = new TreeMap<>();
        final TreeSet<Long> running = new TreeSet<>();
        final List<Transaction> writers = new ArrayList<>();
        // Ids cross a power of ten on the way.
        long nextId = 995;
        long nextSeq = 1;
        long latestCompleted = 994;
        int step;

        Server(Random random) {
            this.random = random;
        }

        Transaction begin(boolean writesHere) {
            step++;
            Transaction t = new Transaction(nextId++, writesHere);
            transactions.put(t.id, t);
            running.add(t.id);
            if (writesHere) {
                writers.add(t);
            }
            return t;
        }

        void write(Transaction t) {
            step++;
            t.events.add(new Event(t.id, nextSeq++));
        }

        void writeInSomeTransaction() {
            runningWriter().ifPresent(this::write);
        }

        void end(Transaction t, boolean commit) {
            step++;
            t.running = false;
            running.remove(t.id);
            t.committed = commit;
            t.committedAtStep = step;
            latestCompleted = Math.max(latestCompleted, t.id);
        }

        void endSomeTransaction(boolean commit) {
            // Mostly the newest, so that old ones stay open for a while, as long transactions do.
            List<Transaction> open = running.stream().map(transactions::get).toList();
            if (!open.isEmpty()) {
                int pick = random.nextInt(3) == 0
                        ? random.nextInt(open.size())
                        : open.size() - 1 - random.nextInt(Math.min(open.size(), 3));
                end(open.get(pick), commit);
            }
        }

        void endAll() {
            running.stream().map(transactions::get).toList().forEach(t -> end(t, random.nextBoolean()));
        }

        Optional<Transaction> runningWriter() {
            List<Transaction> open = writers.stream().filter(t -> t.running).toList();
            return open.isEmpty() ? Optional.empty() : Optional.of(open.get(random.nextInt(open.size())));
        }

        Snapshot snapshot() {
            step++;
            long xmax = latestCompleted + 1;
            return new Snapshot(
                    xmax,
                    running.headSet(xmax).stream().mapToLong(Long::longValue).toArray());
        }

        /** The events of transactions committed after the given step, in (txid, seq) order. */
        List<Event> committedEvents(int afterStep) {
            return writers.stream()
                    .filter(t -> t.committed && t.committedAtStep > afterStep)
                    .flatMap(t -> t.events.stream())
                    .sorted(Comparator.comparingLong(Event::txid).thenComparingLong(Event::seq))
                    .toList();
        }

        /** ChangeFeedService's query: pending transactions' events, then those past the point, below the barrier. */
        List<Event> read(FeedPosition from, Snapshot snapshot, long barrier, int limit) {
            Map<Long, Long> pending = new HashMap<>();
            from.pending().forEach(p -> pending.put(p.txid(), p.seq()));
            return writers.stream()
                    .filter(t -> t.committed && !snapshot.running(t.id))
                    .flatMap(t -> t.events.stream())
                    .filter(e -> pending.containsKey(e.txid())
                            ? e.seq() > pending.get(e.txid())
                            : (e.txid() > from.txid() || e.txid() == from.txid() && e.seq() > from.seq())
                                    && e.txid() < barrier)
                    .sorted(Comparator.comparingLong(Event::txid).thenComparingLong(Event::seq))
                    .limit(limit)
                    .toList();
        }
    }

    /** Follows the cursors as a client does; sometimes continues from an event's own cursor mid-page. */
    static final class Reader {
        final Server server;
        final int limit;
        final List<Event> received = new ArrayList<>();
        FeedPosition position = FeedPosition.START;
        int joinedAtStep;

        Reader(Server server, int limit) {
            this.server = server;
            this.limit = limit;
        }

        static Reader fromNow(Server server, int limit) {
            Reader reader = new Reader(server, limit);
            Snapshot snapshot = server.snapshot();
            reader.joinedAtStep = server.step;
            reader.position = FeedPosition.START.settled(snapshot, FeedPosition.START.barrier(snapshot));
            assertTrue(reader.position.pending().size() <= FeedPosition.MAX_PENDING);
            return reader;
        }

        /** Returns how many events the page had. */
        int read() {
            Snapshot snapshot = server.snapshot();
            long barrier = position.barrier(snapshot);
            List<Event> page = server.read(position, snapshot, barrier, limit);
            List<FeedPosition> cursors = new ArrayList<>();
            for (Event e : page) {
                cursors.add(position.after(e.txid(), e.seq(), snapshot));
            }
            FeedPosition next =
                    page.size() == limit ? cursors.get(cursors.size() - 1) : position.settled(snapshot, barrier);
            int taken = page.size();
            if (taken > 1 && server.random.nextInt(4) == 0) {
                // A client that stops part-way through a page and goes on from the last event it handled.
                taken = 1 + server.random.nextInt(page.size() - 1);
                next = cursors.get(taken - 1);
            }
            received.addAll(page.subList(0, taken));
            for (FeedPosition cursor : cursors) {
                assertTrue(cursor.pending().size() <= FeedPosition.MAX_PENDING, "a cursor stays small");
            }
            assertTrue(next.pending().size() <= FeedPosition.MAX_PENDING, "a cursor stays small");
            position = next;
            return taken;
        }

        void drain() {
            for (int round = 0; round < 100_000; round++) {
                if (read() == 0 && read() == 0) {
                    return;
                }
            }
            throw new AssertionError("the feed never ran dry");
        }

        /** What it received in (txid, seq) order, having checked that each transaction's events came in the order written. */
        List<Event> sorted() {
            Map<Long, Long> lastSeq = new HashMap<>();
            for (Event e : received) {
                Long before = lastSeq.put(e.txid(), e.seq());
                assertTrue(before == null || before < e.seq(), "a transaction's events in the order written");
            }
            return received.stream()
                    .sorted(Comparator.comparingLong(Event::txid).thenComparingLong(Event::seq))
                    .toList();
        }
    }
}
