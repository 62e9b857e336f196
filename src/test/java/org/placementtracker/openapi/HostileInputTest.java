package org.placementtracker.openapi;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.placementtracker.placement.TimesheetTest;
import org.placementtracker.support.Api;
import org.placementtracker.support.RawHttp;
import org.placementtracker.support.TestCredentials;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/**
 * Hostile input, derived from the OpenAPI document rather than from a list of cases: every operation
 * it declares gets hostile values in every path and query parameter, every documented header and
 * every field of its body — NUL, control characters, lone surrogates, 5,000-character strings, huge
 * numbers, floats for integers, wrong JSON types — and hostile bodies as a whole (trailing data,
 * duplicate keys, deep nesting, no or the wrong Content-Type). Every answer must be below 500, every
 * 4xx a problem with a status the operation documents, and nothing may have been committed: the
 * test watches PostgreSQL's transaction ids, so a write to any table, by any code path, is seen.
 *
 * <p>Everything else in each request is valid (bodies come from {@link #baselines}, ids from a
 * fixture made through the API), so a hostile value that slips through changes data and fails here.
 * A new request schema or path without a baseline or fixture fails the test, to be added.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Writes every non-ASCII character as an escape, so a lone surrogate reaches the service as one. */
    private static final ObjectWriter ESCAPING = JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ADMIN = "Authorization: Bearer " + TestCredentials.ADMIN_KEY;
    private static final String LONG = "x".repeat(5000);

    /** Hostile values for JSON fields: as JSON text, so lone surrogates and NUL travel as escapes. */
    private static final List<String> FIELD_VALUES = List.of(
            "\"a\\u0000b\"",
            "\"\\u0001\\u0002\"",
            "\"a\\u0085b\"",
            "\"\\ud800\"",
            "\"a\\udc00b\"",
            "\"" + LONG + "\"",
            "\" \"",
            "2024.5",
            "1e300",
            "99999999999999999999",
            "true",
            "{}",
            "[\"x\"]",
            "\"2024-02-30\"",
            "\"+100000-01-01\"",
            "\"NOT_A_VALUE\"",
            "-1");

    /** Hostile values for path and query parameters, already percent-encoded where needed. */
    private static final List<String> URL_VALUES = List.of(
            "a%00b",
            "%01",
            "%7F",
            "%C2%85",
            "%EF%BF%BF",
            "%FF",
            LONG,
            "2024.5",
            "99999999999999999999",
            "-1",
            "not-a-uuid",
            "..%2F..");

    /** Hostile values for documented headers: any bytes a client may put there. */
    private static final List<String> HEADER_VALUES =
            List.of("", "x", "W/", "*, *", "\"" + LONG + "\"", "a b", "\u00e9t\u00e9", "\"99999999999999999999\"");

    @Inject
    AgroalDataSource dataSource;

    /** Ids the paths name: one of each resource, made through the API. */
    private final Map<String, String> fixture = new LinkedHashMap<>();
    /** A valid body per request schema, made anew for each request (unique values, free dates). */
    private final Map<String, Supplier<ObjectNode>> baselines = new LinkedHashMap<>();

    private final List<String> findings = new ArrayList<>();
    private final RawHttp.Connection http = new RawHttp.Connection();
    private int requests;
    private int dayOffset;
    /** The query that tells whether a transaction left a row in any table; built once. */
    private String wroteHere;

    @Test
    void everyOperationRefusesHostileInputCleanlyAndChangesNothing() throws Exception {
        makeFixture();
        JsonNode document = JSON.readTree(
                RawHttp.send("GET", "/q/openapi?format=json", null).body());
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (List.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    attack(document, path.getKey(), operation.getKey().toUpperCase(), operation.getValue());
                }
            }
        }
        http.close();
        assertTrue(requests > 1000, "only " + requests + " hostile requests were made");
        if (!findings.isEmpty()) {
            fail(findings.size() + " of " + requests + " hostile requests were mishandled:\n"
                    + String.join("\n", findings.subList(0, Math.min(60, findings.size()))));
        }
    }

    // ---- the attack on one operation ------------------------------------------------------------

    private void attack(JsonNode document, String template, String method, JsonNode operation) throws Exception {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            if (parameter.path("in").asText().equals("path")) {
                pathValues.put(
                        parameter.path("name").asText(),
                        fixtureFor(template, parameter.path("name").asText()));
            }
        }
        Body body = body(document, template, method, operation);
        String name = method + " " + template;

        for (JsonNode parameter : parameters) {
            String in = parameter.path("in").asText();
            String parameterName = parameter.path("name").asText();
            for (String value : in.equals("header") ? HEADER_VALUES : URL_VALUES) {
                Map<String, String> path = new LinkedHashMap<>(pathValues);
                String query = "";
                List<String> headers = new ArrayList<>(List.of(ADMIN));
                switch (in) {
                    case "path" -> path.put(parameterName, value);
                    case "query" ->
                        query = "?" + URLEncoder.encode(parameterName, StandardCharsets.UTF_8) + "=" + value;
                    case "header" -> headers.add(parameterName + ": " + value);
                    default -> {
                        continue;
                    }
                }
                String bodyText = body == null ? null : body.serialized();
                if (bodyText != null) {
                    headers.add("Content-Type: " + body.mediaType());
                }
                String decoded = in.equals("header") ? value : Schemas.percentDecoded(value);
                boolean forbidden =
                        Schemas.forbids(Schemas.resolved(document, parameter.path("schema")), NODES.textNode(decoded));
                send(
                        name + " with " + in + " " + parameterName + "=" + shorten(value),
                        operation,
                        method,
                        expand(template, path) + query,
                        bodyText,
                        headers,
                        forbidden);
            }
        }
        if (body == null) {
            return;
        }
        String target = expand(template, pathValues);
        for (String field : body.fields()) {
            for (String value : FIELD_VALUES) {
                ObjectNode valid = body.valid();
                body.row(valid).set(field, JSON.readTree(value));
                String text = write(body.array() ? valid.path("rows") : valid);
                boolean forbidden = Schemas.forbids(body.schema(field), JSON.readTree(value));
                send(
                        name + " with field " + field + "=" + shorten(value),
                        operation,
                        method,
                        target,
                        text,
                        List.of(ADMIN, "Content-Type: " + body.mediaType()),
                        forbidden);
            }
        }
        if (operation.path("requestBody").path("content").has("text/csv")) {
            for (Map.Entry<String, String> csv : csvBodies(body).entrySet()) {
                send(
                        name + " with CSV " + csv.getKey(),
                        operation,
                        method,
                        target,
                        csv.getValue(),
                        List.of(ADMIN, "Content-Type: text/csv"),
                        !csv.getKey().contains("=1+1") && !csv.getKey().equals("of only a header"));
            }
        }
        for (Map.Entry<String, String> whole : wholeBodies(body).entrySet()) {
            List<String> headers = new ArrayList<>(List.of(ADMIN));
            if (!whole.getKey().startsWith("no Content-Type")) {
                headers.add(
                        "Content-Type: " + (whole.getKey().startsWith("text/plain") ? "text/plain" : body.mediaType()));
            }
            send(name + " with " + whole.getKey(), operation, method, target, whole.getValue(), headers, true);
        }
    }

    /** Bodies that are hostile as a whole, by what is wrong with them. */
    private Map<String, String> wholeBodies(Body body) {
        String valid = body.serialized();
        String first = body.fields().isEmpty() ? "x" : body.fields().get(0);
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("trailing data", valid + " xyz");
        bodies.put("a second document", valid + " " + valid);
        bodies.put("a duplicate key", duplicateKey(valid, first));
        bodies.put("deep nesting", "[".repeat(3000) + "]".repeat(3000));
        bodies.put("malformed JSON", valid.substring(0, valid.length() / 2));
        bodies.put("an empty body", "");
        bodies.put("a JSON scalar", "42");
        bodies.put("null", "null");
        bodies.put("the wrong root type", body.array() ? "{}" : "[]");
        bodies.put("a NUL outside strings", valid.replaceFirst("\\{", "{\u0000"));
        bodies.put("text/plain Content-Type", valid);
        bodies.put("no Content-Type", valid);
        return bodies;
    }

    /** CSV files of one valid row, each with one cell made hostile, and a few broken files. */
    private Map<String, String> csvBodies(Body body) {
        Map<String, String> files = new LinkedHashMap<>();
        List<String> cells = List.of("a\u0000b", "a\u0001b", "\u0001", "\u007f", LONG, "=1+1", "\"unbalanced");
        for (String field : body.fields()) {
            for (String cell : cells) {
                ObjectNode row = body.baseline().get();
                List<String> header = new ArrayList<>();
                row.fieldNames().forEachRemaining(header::add);
                if (!header.contains(field)) {
                    header.add(field);
                }
                List<String> values = new ArrayList<>();
                for (String column : header) {
                    values.add(
                            column.equals(field)
                                    ? cell
                                    : csvCell(row.path(column).asText()));
                }
                files.put(
                        field + "=" + shorten(cell), String.join(",", header) + "\n" + String.join(",", values) + "\n");
            }
        }
        files.put("with a duplicate column", "name,name\na,b\n");
        files.put("of only a header", "name\n");
        files.put("of binary garbage", "\u0000\u0001\u0002\u00ff");
        return files;
    }

    private static String csvCell(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String duplicateKey(String valid, String field) {
        int brace = valid.indexOf('{');
        return valid.substring(0, brace + 1) + "\"" + field + "\": null, " + valid.substring(brace + 1);
    }

    /**
     * Sends one request and records what is wrong with the answer, if anything. {@code forbidden}: the
     * hostile value is one the document (or the rule for all text) forbids, so it must be refused.
     */
    private void send(
            String what,
            JsonNode operation,
            String method,
            String target,
            String body,
            List<String> headers,
            boolean forbidden)
            throws SQLException {
        requests++;
        long before = nextTransactionId();
        RawHttp.Answer answer = http.send(method, target, body, headers.toArray(String[]::new));
        String committed = committedSince(before);
        int status = answer.status();
        if (status >= 500) {
            findings.add(what + ": " + status + " " + shorten(answer.body()));
        } else if (status >= 400 && !"application/problem+json".equals(answer.header("Content-Type"))) {
            findings.add(what + ": " + status + " without a problem body (" + answer.header("Content-Type") + ")");
        } else if (status >= 400 && !status(answer.body()).equals(Integer.toString(status))) {
            findings.add(what + ": " + status + " whose problem says status " + status(answer.body()));
        } else if (!operation.path("responses").has(Integer.toString(status))) {
            findings.add(what + ": " + status + ", which the operation does not document");
        }
        if (forbidden && status < 400) {
            findings.add(what + ": accepted (" + status + ") a value its schema forbids");
        }
        if (status >= 400 && committed != null) {
            findings.add(what + ": answered " + status + " but committed a change (transaction " + committed + ")");
        }
    }

    private static String status(String problem) {
        try {
            return JSON.readTree(problem).path("status").asText();
        } catch (Exception e) {
            return "(not JSON)";
        }
    }

    // ---- what changed ---------------------------------------------------------------------------

    /** The id the next writing transaction will get; reading assigns none, so it moves only with writes. */
    private long nextTransactionId() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint");
                ResultSet row = s.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * A transaction that began since {@code before}, committed and wrote to this database, or null.
     * PostgreSQL's own work (autovacuum's statistics) also takes transaction ids; what marks ours is
     * a row it wrote: a change-feed event (every domain table has one) or a live row it created in any
     * table of the schema.
     */
    private String committedSince(long before) throws SQLException {
        long after = nextTransactionId();
        if (after == before) {
            return null;
        }
        try (Connection c = dataSource.getConnection()) {
            List<Long> committed = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select x from generate_series(?::bigint, ?::bigint - 1) x "
                    + "where pg_xact_status(x::text::xid8) = 'committed'")) {
                s.setLong(1, before);
                s.setLong(2, after);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        committed.add(rows.getLong(1));
                    }
                }
            }
            for (long xid : committed) {
                if (wroteHere(c, xid)) {
                    return Long.toString(xid);
                }
            }
            return null;
        }
    }

    private boolean wroteHere(Connection c, long xid) throws SQLException {
        if (wroteHere == null) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                            "select quote_ident(tablename) from pg_tables " + "where schemaname = 'public'");
                    ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    tables.add("select 1 from " + rows.getString(1) + " where xmin::text = ?");
                }
            }
            wroteHere = "select exists (" + String.join(" union all ", tables) + ")";
        }
        try (PreparedStatement s = c.prepareStatement(wroteHere)) {
            for (int i = 1; i <= s.getParameterMetaData().getParameterCount(); i++) {
                s.setString(i, Long.toString(xid % (1L << 32)));
            }
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    // ---- bodies ---------------------------------------------------------------------------------

    /** A request body: its media type, its fields (from the document) and a valid example of it. */
    private record Body(
            String mediaType, boolean array, List<String> fields, JsonNode properties, Supplier<ObjectNode> baseline) {

        /** A fresh valid body; for an array body, an object holding the array under "rows". */
        ObjectNode valid() {
            ObjectNode object = baseline.get();
            if (!array) {
                return object;
            }
            ObjectNode holder = NODES.objectNode();
            holder.set("rows", NODES.arrayNode().add(object));
            return holder;
        }

        ObjectNode row(ObjectNode valid) {
            return array ? (ObjectNode) valid.path("rows").get(0) : valid;
        }

        String serialized() {
            ObjectNode valid = valid();
            return write(array ? valid.path("rows") : valid);
        }

        JsonNode schema(String field) {
            return properties.path(field);
        }
    }

    private Body body(JsonNode document, String template, String method, JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode()) {
            return null;
        }
        String mediaType = content.has("application/json")
                ? "application/json"
                : content.has("application/merge-patch+json") ? "application/merge-patch+json" : null;
        if (mediaType == null) {
            fail(method + " " + template + " takes " + content.fieldNames().next() + ": teach this test to attack it");
        }
        JsonNode schema = resolve(document, content.path(mediaType).path("schema"));
        boolean array = "array".equals(schema.path("type").asText());
        if (array) {
            schema = resolve(document, schema.path("items"));
        }
        String schemaName = schemaName(content.path(mediaType).path("schema"));
        if (mediaType.equals("application/merge-patch+json")
                && (schema.path("properties").isEmpty() || schemaName.equals("JsonNode"))) {
            // An untyped merge patch: its fields are those of the resource's request form.
            schemaName = schemaName(operationAt(document, template, "get")
                            .path("responses")
                            .path("200")
                            .path("content")
                            .path("application/json")
                            .path("schema"))
                    .replace("Response", "Request");
            schema = document.path("components").path("schemas").path(schemaName);
        }
        List<String> fields = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(fields::add);
        Supplier<ObjectNode> baseline =
                mediaType.equals("application/merge-patch+json") ? NODES::objectNode : baselines.get(schemaName);
        if (baseline == null) {
            fail(method + " " + template + " takes " + schemaName + ": add a valid baseline body for it to this test");
        }
        if (fields.isEmpty()) {
            fail(method + " " + template + ": no fields found in its request schema " + schemaName);
        }
        ObjectNode properties = NODES.objectNode();
        for (String field : fields) {
            properties.set(
                    field, Schemas.resolved(document, schema.path("properties").path(field)));
        }
        return new Body(mediaType, array, fields, properties, baseline);
    }

    private static JsonNode operationAt(JsonNode document, String template, String method) {
        return document.path("paths").path(template).path(method);
    }

    private static String schemaName(JsonNode schema) {
        JsonNode items = schema.path("items");
        String ref = schema.has("$ref")
                ? schema.path("$ref").asText()
                : items.path("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            return document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    // ---- the fixture ----------------------------------------------------------------------------

    private void makeFixture() {
        String major = TestData.major();
        String firm = TestData.firm();
        String student = TestData.student(major);
        String member = TestData.student(major);
        String orderClass = TestData.orderClass(firm, major, 50);
        TestData.member(orderClass, member);
        String rotation = TestData.rotation(orderClass, "2030-03-01", "2030-03-31");
        String placement = TestData.placement(student, firm, "2030-01-01", "2030-01-31");
        String apiKey = Api.post("/api/v1/api-keys", Map.of("name", "hostile-" + TestData.next(), "role", "VIEWER"))
                .statusCode(201)
                .extract()
                .path("id");
        fixture.putAll(Map.of(
                "majors",
                major,
                "firms",
                firm,
                "students",
                student,
                "members",
                member,
                "order-classes",
                orderClass,
                "rotations",
                rotation,
                "placements",
                placement,
                "api-keys",
                apiKey));

        baselines.put(
                "MajorRequest", () -> object(Map.of("code", TestData.majorCode(), "name", "专业" + TestData.next())));
        baselines.put("StudentRequest", () -> object(TestData.studentRequest(major)));
        baselines.put("FirmRequest", () -> object(TestData.firmRequest()));
        baselines.put("OrderClassRequest", () -> object(TestData.orderClassRequest(firm, major, 30)));
        baselines.put("MemberRequest", () -> object(Map.of("studentId", TestData.student(major))));
        baselines.put("RotationRequest", () -> {
            LocalDate start = LocalDate.of(2040, 1, 1).plusDays(2L * dayOffset++);
            return object(Map.of(
                    "firmId",
                    firm,
                    "site",
                    "总装车间",
                    "startDate",
                    start.toString(),
                    "endDate",
                    start.toString(),
                    "mentorName",
                    "张师傅"));
        });
        baselines.put("PlacementRequest", () -> {
            LocalDate start = LocalDate.of(2040, 1, 1).plusDays(2L * dayOffset++);
            return object(TestData.placementRequest(student, firm, start.toString(), start.toString()));
        });
        baselines.put("StatusChangeRequest", () -> object(Map.of("status", "ACTIVE")));
        baselines.put("TimesheetRequest", () -> {
            Map<String, Object> week = new java.util.LinkedHashMap<>(TimesheetTest.week("2030-01-07"));
            week.put("placementId", placement);
            return object(week);
        });
        baselines.put("ApiKeyRequest", () -> object(Map.of("name", "key-" + TestData.next(), "role", "VIEWER")));
    }

    private String fixtureFor(String template, String parameter) {
        String[] segments = template.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter + "}")) {
                String collection = segments[i - 1];
                String id = fixture.get(collection);
                if (id == null) {
                    fail(template + ": add a " + collection + " to this test's fixture");
                }
                return id;
            }
        }
        throw new IllegalStateException(parameter + " is not in " + template);
    }

    private static String write(JsonNode node) {
        try {
            return ESCAPING.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode object(Map<String, ?> values) {
        return JSON.valueToTree(values);
    }

    private static String expand(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    private static String shorten(String text) {
        String oneLine = text.replace("\n", " ");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…(" + oneLine.length() + ")" : oneLine;
    }
}
