package org.placementtracker.changes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    void aTailingReaderSeesEveryCommittedChangeOnceEvenWhenATransactionCommitsLate() throws Exception {
        String cursor = Api.get("/api/v1/changes?after=now").statusCode(200).extract().path("nextCursor");
        String lateMajor = "LATE" + TestData.next() % 100_000;
        Set<String> expected = new HashSet<>();
        try (Connection late = database()) {
            late.setAutoCommit(false);
            // A transaction that starts first and commits last: its event has the lowest id of all.
            try (PreparedStatement insert = late.prepareStatement(
                    "insert into major (code, name) values (?, '迟到的专业')")) {
                insert.setString(1, lateMajor);
                insert.executeUpdate();
            }
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<String>> firms = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                firms.add(writers.submit(TestData::firm));
            }
            List<String> seenWhileOpen = new ArrayList<>();
            for (Future<String> firm : firms) {
                expected.add("firm:" + firm.get());
                cursor = read(cursor, seenWhileOpen);
            }
            writers.shutdown();
            assertTrue(seenWhileOpen.stream().noneMatch(e -> e.startsWith("firm:") && expected.contains(e)),
                    "nothing committed after the open transaction began is handed out before it ends");
            late.commit();
        }
        expected.add("major:" + lateMajor);
        List<String> seen = new ArrayList<>();
        for (int round = 0; round < 50 && !seen.containsAll(expected); round++) {
            cursor = read(cursor, seen);
        }
        List<String> ours = seen.stream().filter(expected::contains).toList();
        assertEquals(expected.size(), ours.size(), "every change once: " + ours);
        assertEquals(new HashSet<>(ours), expected);
        assertEquals("major:" + lateMajor, ours.get(0), "the late transaction's change comes in its place");
    }

    @Test
    void afterNowStartsAtThePresentWhenTransactionIdsGainADigit() throws Exception {
        String below;
        String above;
        try (Connection c = database(); Statement s = c.createStatement()) {
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
        String cursor = Api.get("/api/v1/changes?after=now").statusCode(200).extract().path("nextCursor");
        String firm = TestData.firm();
        List<String> seen = new ArrayList<>();
        read(cursor, seen);
        assertEquals(List.of("firm:" + firm), seen.stream().filter(e -> e.startsWith("firm:")
                || e.equals("major:" + below) || e.equals("major:" + above)).toList(), "only what came after now");
    }

    @Test
    void eventsAreThinAndPartnersSeeOnlyTheirFirm() {
        String major = TestData.major();
        String own = TestData.firm();
        String other = TestData.firm();
        String partner = Api.post("/api/v1/api-keys", Map.of("name", "hr", "role", "PARTNER", "firmId", own))
                .statusCode(201).extract().path("key");
        String start = given().header("Authorization", "Bearer " + partner).get("/api/v1/changes?after=now").then()
                .statusCode(200).extract().path("nextCursor");
        String student = TestData.student(major);
        String mine = TestData.placement(student, own, "2025-03-01", "2025-03-31");
        String theirs = TestData.placement(TestData.student(major), other, "2025-03-01", "2025-03-31");
        JsonPath page = new JsonPath(given().header("Authorization", "Bearer " + partner)
                .get("/api/v1/changes?after=" + start).then().statusCode(200).extract().asString());
        List<String> ids = page.getList("items.entityId");
        assertTrue(ids.contains(mine), "its placement");
        assertTrue(ids.contains(student), "the student placed at its firm");
        assertTrue(!ids.contains(theirs), "not another firm's placement");
        Map<String, Object> event = page.getMap("items.find { it.entityId == '" + mine + "' }");
        assertEquals(Set.of("cursor", "entityType", "entityId", "operation", "occurredAt"), event.keySet());
        assertEquals("placement", event.get("entityType"));
        assertEquals("CREATE", event.get("operation"));
        int signature = start.indexOf('.') + 1;
        String tampered = start.substring(0, signature) + (start.charAt(signature) == 'A' ? 'B' : 'A')
                + start.substring(signature + 1);
        given().header("Authorization", "Bearer " + partner).get("/api/v1/changes?after=" + tampered)
                .then().statusCode(400);
    }

    @Test
    void aCursorOlderThanTheRetentionIs410() throws Exception {
        String cursor = Api.get("/api/v1/changes?after=now").statusCode(200).extract().path("nextCursor");
        TestData.firm();
        String later = Api.get("/api/v1/changes?after=" + cursor).statusCode(200).extract().path("nextCursor");
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("update change_feed_horizon h set txid = e.txid, seq = e.seq from (select txid, seq from "
                    + "change_event order by txid desc, seq desc limit 1) e");
            try {
                Api.get("/api/v1/changes?after=" + cursor).statusCode(410).contentType("application/problem+json")
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
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("update change_feed_horizon h set txid = e.txid, seq = e.seq from (select txid, seq from "
                    + "change_event order by txid desc, seq desc limit 1) e");
            try {
                String horizon = horizon(s);
                // A transaction with a low id whose events are past the retention period when they are swept.
                s.execute("insert into change_event (txid, entity_type, entity_id, operation, occurred_at) values "
                        + "('3'::xid8, 'major', '" + old + "', 'CREATE', now() - interval '400 days')");
                changeFeed.expireOldEvents();
                try (ResultSet left = s.executeQuery("select count(*) from change_event where entity_id = '" + old
                        + "'")) {
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

    private static String read(String cursor, List<String> seen) {
        JsonPath page = new JsonPath(Api.get("/api/v1/changes?limit=200&after=" + cursor).statusCode(200)
                .extract().asString());
        List<Map<String, Object>> items = page.getList("items");
        for (Map<String, Object> item : items) {
            seen.add(item.get("entityType") + ":" + item.get("entityId"));
        }
        return page.getString("nextCursor");
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
        s.execute("do $$ begin loop exit when pg_current_xact_id() >= '" + target + "'::xid8; commit; end loop; end $$");
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
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
