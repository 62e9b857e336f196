package org.placementtracker.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.placementtracker.benchmark.BenchmarkRig;
import org.placementtracker.benchmark.BenchmarkRig.Service;

/**
 * Two instances of the packaged service on one database, as a consortium would run it: rules that
 * hold under concurrency must hold across instances, since no instance knows what the other does.
 */
class TwoInstancesIT {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final int ROUNDS = 5;

    private static BenchmarkRig.Database database;
    private static Service first;
    private static Service second;

    @BeforeAll
    static void start() throws Exception {
        database = BenchmarkRig.Database.create("pt_two_instances");
        // The same data key on both, and the 10% rule refusing.
        Map<String, String> environment = Map.of(
                "PT_DATA_KEY",
                Base64.getEncoder().encodeToString(BenchmarkRig.randomBytes(32)),
                "COMPLIANCE_RULES",
                "firm-share-10=BLOCK");
        first = Service.start(database, "instance-1", environment);
        second = Service.start(database, "instance-2", environment);
        // Each run's key is its instance's first admin key; the other instance must know it too.
        try (java.sql.Connection db = database.connect()) {
            first.grantKey(db);
            second.grantKey(db);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closing : new AutoCloseable[] {first, second, database}) {
            if (closing != null) {
                closing.close();
            }
        }
    }

    @Test
    void twoOfficersCrossingAFirmsTenPercentLineOnTwoInstancesOneSucceeds() throws Exception {
        String major = "9" + (System.nanoTime() % 100_000);
        post(first, "/api/v1/majors", "{\"code\": \"" + major + "\", \"name\": \"专业" + major + "\"}");
        for (int round = 0; round < ROUNDS; round++) {
            // Ten on-post staff: one post intern at a time.
            String firm = post(
                    first,
                    "/api/v1/firms",
                    "{\"name\": \"企业" + major + "-" + round + "\", \"creditCode\": \"" + creditCode(round)
                            + "\", \"headcount\": 10}");
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String student = post(
                        first,
                        "/api/v1/students",
                        "{\"studentNo\": \"S" + major + round + i + "\", \"name\": \"学生" + round + i
                                + "\", \"gender\": \"MALE\", \"birthDate\": \"2004-05-14\", \"majorCode\": \"" + major
                                + "\", \"cohortYear\": 2022}");
                bodies.add("{\"studentId\": \"" + student + "\", \"firmId\": \"" + firm
                        + "\", \"type\": \"POST_INTERNSHIP\", \"position\": \"装配工\", \"startDate\": \"2031-03-01\", "
                        + "\"endDate\": \"2031-05-31\"}");
            }
            assertEquals(List.of(201, 422), createAtOnce(List.of(first, second), bodies), "round " + round);
        }
    }

    /** Both creates, released together, one per instance; their statuses in order. */
    private static List<Integer> createAtOnce(List<Service> instances, List<String> bodies) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Service instance = instances.get(i);
                byte[] body = bodies.get(i).getBytes(StandardCharsets.UTF_8);
                answers.add(pool.submit(() -> {
                    go.await();
                    return instance.exchange("POST", "/api/v1/placements", body, "application/json")
                            .status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            Collections.sort(statuses);
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String post(Service instance, String path, String json) throws Exception {
        String answer = instance.call("POST", path, json.getBytes(StandardCharsets.UTF_8), "application/json", 201);
        Matcher id = ID.matcher(answer);
        return id.find() ? id.group(1) : null;
    }

    /** A valid Unified Social Credit Code (GB 32100) per round: 17 characters and their check character. */
    private static String creditCode(int round) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        String body = String.format("91350100M%08d", (System.nanoTime() % 10_000_000) * 10 + round);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(body.charAt(i)) * weights[i];
        }
        return body + alphabet.charAt((31 - sum % 31) % 31);
    }
}
