package org.placementtracker.changes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ChangeFeedTest {

    @Inject
    ChangeFeedService changeFeed;

    @Test
    void aLongTransactionDelaysOnlyItsOwnEventsAndEachChangeComesOnce() throws Exception {
        String partnerFirm = TestData.firm();
        String partnerKey = Api.post("/api/v1/api-keys", Map.of("name", "hr", "role", "PARTNER", "firmId", partnerFirm))
                .statusCode(201)
                .extract()
                .path("key");
        Follower everything = Follower.fromNow(null, 200);
        Follower smallPages = Follower.fromNow(null, 2);
        Follower partner = Follower.fromNow(partnerKey, 200);
        String lateFirm = UUID.randomUUID().toString();
        List<String> lateEvents = new ArrayList<>(List.of("firm:" + lateFirm));
        try (Connection otherDatabase = database("postgres");
                Connection late = database()) {
            // Another application's transaction, left open in another database of the same server.
            otherDatabase.setAutoCommit(false);
            try (Statement s = otherDatabase.createStatement()) {
                s.execute("select pg_current_xact_id()");
            }
            // A long transaction of this database, which writes first: its events have the lowest ids of all.
            late.setAutoCommit(false);
            try (Statement s = late.createStatement()) {
                s.executeUpdate("insert into firm (id, name, credit_code, status) values ('" + lateFirm + "', '"
                        + TestData.firmName() + "', '" + TestData.creditCode() + "', 'ACTIVE')");
                for (int i = 0; i < 3; i++) {
                    lateEvents.add("major:" + insertMajor(s));
                }
                s.executeUpdate("update firm set headcount = headcount + 1 where id = '" + partnerFirm + "'");
                lateEvents.add("firm:" + partnerFirm);
            }
            ExecutorService pool = Executors.newFixedThreadPool(40);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> writers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                writers.add(pool.submit(() -> {
                    go.await();
                    return TestData.firm();
                }));
            }
            go.countDown();
            for (int round = 0; round < 1000 && !writers.stream().allMatch(Future::isDone); round++) {
                everything.read();
                smallPages.read();
            }
            Set<String> written = new HashSet<>();
            for (Future<String> writer : writers) {
                written.add("firm:" + writer.get(1, TimeUnit.MINUTES));
            }
            pool.shutdown();
            for (Follower follower : List.of(everything, smallPages, partner)) {
                follower.drain();
                assertTrue(follower.seen.stream().noneMatch(lateEvents::contains), "nothing of the open transaction");
            }
            for (Follower follower : List.of(everything, smallPages)) {
                for (String event : written) {
                    assertEquals(
                            1,
                            Collections.frequency(follower.seen, event),
                            event + " at once, while two transactions stay open");
                }
            }
            assertTrue(partner.seen.stream().noneMatch(written::contains), "not other firms' changes");

            late.commit();
            for (Follower follower : List.of(everything, smallPages, partner)) {
                follower.drain();
            }
            for (Follower follower : List.of(everything, smallPages)) {
                for (String event : written) {
                    assertEquals(1, Collections.frequency(follower.seen, event), event + " still once");
                }
                int first = follower.seen.indexOf(lateEvents.get(0));
                assertEquals(
                        lateEvents,
                        follower.seen.subList(first, Math.min(first + lateEvents.size(), follower.seen.size())),
                        "the late transaction's changes once, together, in the order made");
                assertEquals(
                        lateEvents.size(),
                        follower.seen.stream().filter(lateEvents::contains).count());
            }
            assertEquals(List.of("firm:" + partnerFirm), partner.seen, "the partner's own firm, once");
        }
    }

    @Test
    void moreOpenTransactionsThanACursorCarriesHoldTheFeedBackOnlyUntilTheyEnd() throws Exception {
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < FeedPosition.MAX_PENDING + 3; i++) {
                Connection c = database("postgres");
                open.add(c);
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("select pg_current_xact_id()");
                }
            }
            Follower follower = Follower.fromNow(null, 200);
            String firm = TestData.firm();
            follower.drain();
            assertEquals(List.of(), follower.seen, "held back behind the transactions the cursor cannot carry");
            for (Connection c : open) {
                c.rollback();
            }
            follower.drain();
            assertEquals(List.of("firm:" + firm), follower.seen);
            assertTrue(
                    follower.cursor.length() < 400,
                    "the ended transactions have left the cursor: " + follower.cursor.length() + " characters");
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
    }

    @Test
    void aCursorWaitingForATransactionWhoseEventsRetentionRemovedIs410() throws Exception {
        Follower follower;
        try (Connection late = database();
                Statement s = late.createStatement()) {
            late.setAutoCommit(false);
            // A transaction open longer than the retention period: its events are past it when it commits.
            s.executeUpdate("insert into change_event (entity_type, entity_id, operation, occurred_at) values "
                    + "('major', '" + TestData.majorCode() + "', 'CREATE', now() - interval '400 days')");
            follower = Follower.fromNow(null, 200);
            String firm = TestData.firm();
            follower.drain();
            assertEquals(List.of("firm:" + firm), follower.seen, "the cursor has gone past, waiting for the open one");
            late.commit();
        }
        changeFeed.expireOldEvents();
        try {
            Api.get("/api/v1/changes?after=" + follower.cursor)
                    .statusCode(410)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/cursor-expired"));
        } finally {
            try (Connection c = database();
                    Statement s = c.createStatement()) {
                s.execute("update change_feed_horizon set txid = '0'::xid8, seq = 0");
            }
        }
    }

    @Test
    void afterNowStartsAtThePresentWhenTransactionIdsGainADigit() throws Exception {
        String below;
        String above;
        try (Connection c = database();
                Statement s = c.createStatement()) {
            long power = 10;
            while (power <= currentTransactionId(s) + 3) {
                power *= 10;
            }
            // Text order puts "99998" after "100001": one event just below the power of ten, one above it.
            burnTransactionIdsUpTo(s, power - 3);
            below = insertMajor(s);
            burnTransactionIdsUpTo(s, power);
            above = insertMajor(s);
            assertTrue(eventTransactionId(s, below) < power, "an event below " + power);
            assertTrue(eventTransactionId(s, above) >= power, "an event at or above " + power);
        }
        Follower follower = Follower.fromNow(null, 200);
        String firm = TestData.firm();
        follower.read();
        assertEquals(
                List.of("firm:" + firm),
                follower.seen.stream()
                        .filter(e -> e.startsWith("firm:") || e.equals("major:" + below) || e.equals("major:" + above))
                        .toList(),
                "only what came after now");
    }

    @Test
    void eventsAreThinAndPartnersSeeOnlyTheirFirm() {
        String major = TestData.major();
        String own = TestData.firm();
        String other = TestData.firm();
        String partner = Api.post("/api/v1/api-keys", Map.of("name", "hr", "role", "PARTNER", "firmId", own))
                .statusCode(201)
                .extract()
                .path("key");
        String start = given().header("Authorization", "Bearer " + partner)
                .get("/api/v1/changes?after=now")
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        String student = TestData.student(major);
        String mine = TestData.placement(student, own, "2025-03-01", "2025-03-31");
        String theirs = TestData.placement(TestData.student(major), other, "2025-03-01", "2025-03-31");
        JsonPath page = new JsonPath(given().header("Authorization", "Bearer " + partner)
                .get("/api/v1/changes?after=" + start)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<String> ids = page.getList("items.entityId");
        assertTrue(ids.contains(mine), "its placement");
        assertTrue(ids.contains(student), "the student placed at its firm");
        assertTrue(!ids.contains(theirs), "not another firm's placement");
        Map<String, Object> event = page.getMap("items.find { it.entityId == '" + mine + "' }");
        assertEquals(Set.of("cursor", "entityType", "entityId", "operation", "occurredAt"), event.keySet());
        assertEquals("placement", event.get("entityType"));
        assertEquals("CREATE", event.get("operation"));
        int signature = start.indexOf('.') + 1;
        String tampered = start.substring(0, signature)
                + (start.charAt(signature) == 'A' ? 'B' : 'A')
                + start.substring(signature + 1);
        given().header("Authorization", "Bearer " + partner)
                .get("/api/v1/changes?after=" + tampered)
                .then()
                .statusCode(400);
    }

    @Test
    void aCursorOlderThanTheRetentionIs410() throws Exception {
        String cursor =
                Api.get("/api/v1/changes?after=now").statusCode(200).extract().path("nextCursor");
        TestData.firm();
        String later = Api.get("/api/v1/changes?after=" + cursor)
                .statusCode(200)
                .extract()
                .path("nextCursor");
        try (Connection c = database();
                Statement s = c.createStatement()) {
            s.execute("update change_feed_horizon h set txid = e.txid, seq = e.seq from (select txid, seq from "
                    + "change_event order by txid desc, seq desc limit 1) e");
            try {
                Api.get("/api/v1/changes?after=" + cursor)
                        .statusCode(410)
                        .contentType("application/problem+json")
                        .body("type", endsWith("/cursor-expired"));
            } finally {
                s.execute("update change_feed_horizon set txid = '0'::xid8, seq = 0");
            }
        }
        Api.get("/api/v1/changes?after=" + later).statusCode(200);
    }

    @Test
    void expiringEventsOfAnOldTransactionNeverMovesTheRetentionHorizonBack() throws Exception {
        String old = TestData.majorCode();
        TestData.firm();
        try (Connection c = database();
                Statement s = c.createStatement()) {
            s.execute("update change_feed_horizon h set txid = e.txid, seq = e.seq from (select txid, seq from "
                    + "change_event order by txid desc, seq desc limit 1) e");
            try {
                String horizon = horizon(s);
                // A transaction with a low id whose events are past the retention period when they are swept.
                s.execute("insert into change_event (txid, entity_type, entity_id, operation, occurred_at) values "
                        + "('3'::xid8, 'major', '" + old + "', 'CREATE', now() - interval '400 days')");
                changeFeed.expireOldEvents();
                try (ResultSet left =
                        s.executeQuery("select count(*) from change_event where entity_id = '" + old + "'")) {
                    left.next();
                    assertEquals(0, left.getInt(1), "the old event is swept");
                }
                assertEquals(horizon, horizon(s), "the horizon stays where the earlier sweep put it");
            } finally {
                s.execute("update change_feed_horizon set txid = '0'::xid8, seq = 0");
            }
        }
    }

    private static String horizon(Statement s) throws Exception {
        try (ResultSet row = s.executeQuery("select txid::text || '/' || seq from change_feed_horizon")) {
            row.next();
            return row.getString(1);
        }
    }

    private static long currentTransactionId(Statement s) throws Exception {
        try (ResultSet row = s.executeQuery("select pg_current_xact_id()::text")) {
            row.next();
            return Long.parseLong(row.getString(1));
        }
    }

    /** Uses up transaction ids cheaply: one server-side loop, each id in a transaction of its own. */
    private static void burnTransactionIdsUpTo(Statement s, long target) throws Exception {
        s.execute("set synchronous_commit = off");
        s.execute(
                "do $$ begin loop exit when pg_current_xact_id() >= '" + target + "'::xid8; commit; end loop; end $$");
        s.execute("reset synchronous_commit");
    }

    /** A major written straight into the table, in a transaction of its own; returns its code. */
    private static String insertMajor(Statement s) throws Exception {
        String code = TestData.majorCode();
        s.execute("insert into major (code, name) values ('" + code + "', '事务号专业" + code + "')");
        return code;
    }

    private static long eventTransactionId(Statement s, String major) throws Exception {
        try (ResultSet row = s.executeQuery("select txid::text from change_event where entity_type = 'major' "
                + "and entity_id = '" + major + "'")) {
            row.next();
            return Long.parseLong(row.getString(1));
        }
    }

    private static Connection database() throws Exception {
        return database(null);
    }

    /** A connection to the tests' database, or to another database of the same server. */
    private static Connection database(String name) throws Exception {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        if (name != null) {
            url = url.replace("/placement_tracker_test", "/" + name);
        }
        return DriverManager.getConnection(
                url,
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(""));
    }

    /** A client following the feed page by page, keeping what it saw as "entityType:entityId". */
    private static final class Follower {
        final String key;
        final int limit;
        final List<String> seen = new ArrayList<>();
        String cursor;

        private Follower(String key, int limit, String cursor) {
            this.key = key;
            this.limit = limit;
            this.cursor = cursor;
        }

        /** Follows the feed from now on, as an admin (no key) or with the given key. */
        static Follower fromNow(String key, int limit) {
            return new Follower(
                    key,
                    limit,
                    request(key)
                            .get("/api/v1/changes?after=now")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("nextCursor"));
        }

        /** Reads one page; returns how many events it had. */
        int read() {
            JsonPath page = new JsonPath(request(key)
                    .get("/api/v1/changes?limit=" + limit + "&after=" + cursor)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                seen.add(item.get("entityType") + ":" + item.get("entityId"));
            }
            cursor = page.getString("nextCursor");
            return items.size();
        }

        /** Reads until a page is not full: everything committed so far that it may see. */
        void drain() {
            for (int round = 0; round < 10_000; round++) {
                if (read() < limit) {
                    return;
                }
            }
            throw new AssertionError("the feed never ran dry");
        }

        private static RequestSpecification request(String key) {
            return key == null ? Api.json() : given().header("Authorization", "Bearer " + key);
        }
    }
}
