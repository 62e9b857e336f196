package org.placementtracker.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.placementtracker.common.DatabaseConstraints;
import org.placementtracker.common.FieldError;
import org.placementtracker.common.JsonProblems;
import org.placementtracker.common.Problem;
import org.placementtracker.common.ProblemException;
import org.placementtracker.common.StrictJson;
import org.placementtracker.common.Text;
import org.placementtracker.common.TransactionLimits;
import org.placementtracker.common.Upserted;

/**
 * Runs a batch import: a JSON array or a CSV file of the same objects a single create takes. Each
 * row goes through the same JSON mapping (CSV cells are text, so "2024" in a cell reads as the
 * number), the same bean validation and the same rules as a single create, and every failure is
 * reported against its row instead of failing the whole request with one 400. Rows run in order in
 * one transaction, so later rows see earlier ones. Atomic imports keep nothing if any row fails;
 * non-atomic imports keep the good rows and leave the failed ones out — and only when a row breaks a
 * constraint its checks could not foresee (a concurrent writer got there first) are the rows redone
 * in a transaction each, so that only that row fails.
 */
@ApplicationScoped
public class BatchImport {

    public static final String CSV = "text/csv";

    /** What every batch operation documents, before the sentence on which rows update a record. */
    public static final String BATCH_BODY = " The body is a JSON array of the objects the single create takes, or "
            + "text/csv (UTF-8, a byte order mark is ignored) whose header row names the same fields; an empty cell is "
            + "an absent field. At most 10,000 rows (413 beyond). Every rule of the single create applies to each row, "
            + "rows are processed in order, and ";

    /** What every batch operation documents, after the sentence on which rows update a record. */
    public static final String BATCH_MODES = ", so re-sending a file is harmless. Rows are numbered from 0. "
            + "atomic=true (default): all rows or none; 200 with one result per row, or 422 whose errors name every "
            + "failing row as rows[N].field (rows[N] alone for a rule across fields; breaches, with their row, for "
            + "internship rules in BLOCK mode) and nothing is saved. atomic=false: 207 with one result per row, "
            + "failed rows carrying their problem; the good rows are saved.";

    /** What the batch operations of records with an externalRef document. */
    public static final String DESCRIPTION = BATCH_BODY
            + "a row whose externalRef is already known updates that record instead of creating another"
            + BATCH_MODES;

    /** What a batch's 422 means: rejected rows, or a reused key. */
    public static final String REJECTED = "atomic=true and some rows failed: errors name each as rows[N].field, or "
            + "rows[N] for a rule across fields; nothing was saved. Or the Idempotency-Key was used before for a "
            + "different request.";

    public static final int MAX_ROWS = 10_000;
    /** What the default batch body limit (pt.http.max-batch-body-size) lets a CSV file be. */
    public static final int MAX_CSV_CHARS = 16 * 1024 * 1024;

    private static final char BOM = '\uFEFF';

    private final ObjectMapper mapper;
    /** CSV cells are all text: "2024" in a cell is the number a JSON body would send as 2024. */
    private final ObjectMapper cellMapper;

    private final Validator validator;

    public BatchImport(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.cellMapper = StrictJson.forCsvCells(mapper);
        this.validator = validator;
    }

    /**
     * Imports the body's rows. {@code importer} is given every well-formed row and returns what
     * writes one of them in the caller's transaction; it must not be transactional itself (a row's
     * failure must not mark the batch rollback-only) and must check each row fully before changing
     * anything. {@code alone} must run one row in a transaction of its own. Returns one result
     * per row: with {@code atomic} all saved (the answer is 200), otherwise each row's own outcome
     * (207).
     */
    public <R> List<RowResult> run(
            byte[] body,
            String contentType,
            boolean atomic,
            String path,
            Class<R> rowType,
            Function<List<R>, Function<R, Upserted>> importer,
            Function<R, Upserted> alone) {
        boolean allOrNothing = atomic;
        boolean csv = isCsv(contentType);
        List<JsonNode> nodes = csv ? csvRows(body, fieldsOf(rowType)) : jsonRows(body);
        ObjectMapper reader = csv ? cellMapper : mapper;
        List<Parsed<R>> rows =
                nodes.stream().map(node -> parse(reader, node, rowType)).toList();
        if (allOrNothing) {
            return inOneTransaction(() -> allOrNothing(rows, importer, path));
        }
        // An idempotent request runs inside the transaction that stores its answer.
        boolean joined = QuarkusTransaction.isActive();
        List<RowResult> results;
        try {
            results = inOneTransaction(() -> eachRow(rows, importer, path));
        } catch (RuntimeException e) {
            if (joined || DatabaseConstraints.problemFor(e) == null) {
                throw e;
            }
            // A row broke a constraint its checks could not foresee (a concurrent writer got there
            // first): redo the rows one transaction each, so that only that row fails. Not under an
            // Idempotency-Key, whose answer must be stored in the same transaction as the effect:
            // that request fails as a whole, stores nothing and may be retried.
            results = new ArrayList<>();
            for (int row = 0; row < rows.size(); row++) {
                results.add(eachAlone(row, rows.get(row), alone, path));
            }
        }
        return results;
    }

    /** A row as read: the request, or why it could not be read. */
    private record Parsed<R>(R request, ProblemException problem) {}

    private <R> Parsed<R> parse(ObjectMapper reader, JsonNode node, Class<R> rowType) {
        try {
            return new Parsed<>(request(reader, node, rowType), null);
        } catch (ProblemException e) {
            return new Parsed<>(null, e);
        }
    }

    /** Runs in the caller's transaction if there is one (an idempotent request's), else in a new one. */
    private static <T> T inOneTransaction(Callable<T> work) {
        return QuarkusTransaction.joiningExisting()
                .timeout(TransactionLimits.LONGEST_SECONDS)
                .call(work);
    }

    /** Every row in one transaction, or none: 422 naming every failed row, thrown so that nothing is kept. */
    private static <R> List<RowResult> allOrNothing(
            List<Parsed<R>> rows, Function<List<R>, Function<R, Upserted>> importer, String path) {
        List<RowResult> results = eachRow(rows, importer, path);
        List<RowResult> failed =
                results.stream().filter(r -> r.problem() != null).toList();
        if (!failed.isEmpty()) {
            throw new ProblemException(
                    422,
                    "batch-rejected",
                    "Batch import rejected",
                    failed.size() + " of " + rows.size() + " rows are not valid; nothing was saved",
                    failed.stream().flatMap(r -> rowErrors(r).stream()).toList(),
                    failed.stream()
                            .flatMap(r -> r.problem().breaches().stream().map(b -> b.ofRow(r.row())))
                            .toList());
        }
        return results;
    }

    /** Every row in the current transaction; a failed row leaves nothing behind and the others go on. */
    private static <R> List<RowResult> eachRow(
            List<Parsed<R>> rows, Function<List<R>, Function<R, Upserted>> importer, String path) {
        Function<R, Upserted> writer = importer.apply(
                rows.stream().map(Parsed::request).filter(Objects::nonNull).toList());
        List<RowResult> results = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            try {
                results.add(done(row, write(rows.get(row), writer)));
            } catch (ProblemException e) {
                results.add(failed(row, e, path));
            }
        }
        return results;
    }

    private static <R> RowResult eachAlone(int row, Parsed<R> parsed, Function<R, Upserted> alone, String path) {
        try {
            return done(row, write(parsed, alone));
        } catch (RuntimeException e) {
            ProblemException problem = e instanceof ProblemException p ? p : DatabaseConstraints.problemFor(e);
            if (problem == null) {
                throw e;
            }
            return failed(row, problem, path);
        }
    }

    private static <R> Upserted write(Parsed<R> parsed, Function<R, Upserted> writer) {
        if (parsed.problem() != null) {
            throw parsed.problem();
        }
        return writer.apply(parsed.request());
    }

    private static RowResult failed(int row, ProblemException problem, String path) {
        return new RowResult(row, RowResult.RowStatus.FAILED, null, Problem.of(problem, path));
    }

    private static RowResult done(int row, Upserted upserted) {
        return new RowResult(
                row,
                upserted.created() ? RowResult.RowStatus.CREATED : RowResult.RowStatus.UPDATED,
                upserted.id(),
                null);
    }

    /** A row's failure as fields of the batch: rows[3].endDate, or rows[3] for a rule across fields. */
    private static List<FieldError> rowErrors(RowResult failed) {
        String prefix = "rows[" + failed.row() + "]";
        List<FieldError> errors = failed.problem().errors();
        if (errors == null || errors.isEmpty()) {
            return List.of(new FieldError(prefix, failed.problem().detail()));
        }
        return errors.stream()
                .map(f -> new FieldError(prefix + "." + f.field(), f.message()))
                .toList();
    }

    /** The row as the single create would read it: same types, same validation, same messages. */
    private <R> R request(ObjectMapper reader, JsonNode node, Class<R> rowType) {
        R request;
        try {
            request = reader.treeToValue(node, rowType);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("malformed-json", "Malformed row", "The row is not a JSON object");
        }
        if (request == null) {
            throw ProblemException.badRequest("malformed-json", "Malformed row", "The row is not a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<R> v : validator.validate(request)) {
            errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
            throw ProblemException.invalid(errors);
        }
        return request;
    }

    private List<JsonNode> jsonRows(byte[] body) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || !tree.isArray()) {
            throw ProblemException.badRequest(
                    "malformed-json", "Malformed JSON", "The body must be a JSON array of rows");
        }
        List<JsonNode> rows = new ArrayList<>();
        tree.forEach(rows::add);
        return limited(rows);
    }

    /** The fields a row may name: the request record's components. */
    private static Set<String> fieldsOf(Class<?> rowType) {
        Set<String> fields = new LinkedHashSet<>();
        for (RecordComponent component : rowType.getRecordComponents()) {
            fields.add(component.getName());
        }
        return fields;
    }

    /**
     * One object per line, named by the header; an empty cell is an absent field, as in JSON. A
     * column that names no field is refused before any row is read, even in a file without rows.
     */
    private List<JsonNode> csvRows(byte[] body, Set<String> fields) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .setIgnoreEmptyLines(true)
                .get();
        List<JsonNode> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            if (header.stream().map(String::trim).distinct().count() != header.size()) {
                throw new IllegalArgumentException("duplicate header");
            }
            for (String column : header) {
                if (!fields.contains(column.trim())) {
                    String shown = Text.unstorable(column).isPresent() || column.length() > 100 ? "?" : column.trim();
                    throw new ProblemException(
                            400,
                            "unknown-field",
                            "Unknown CSV column",
                            "Column '" + shown + "' is not a field of this import; columns: "
                                    + String.join(", ", fields),
                            List.of(new FieldError(shown, "is not a known field")));
                }
            }
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw tooMany();
                }
                rows.add(csvRow(header, record.toList()));
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.badRequest(
                    "malformed-csv", "Malformed CSV", "The body is not CSV with one header row of unique field names");
        }
        return rows;
    }

    private ObjectNode csvRow(List<String> header, List<String> cells) {
        ObjectNode row = mapper.createObjectNode();
        for (int i = 0; i < header.size() && i < cells.size(); i++) {
            String cell = cells.get(i);
            if (!cell.isEmpty()) {
                row.put(header.get(i).trim(), cell);
            }
        }
        return row;
    }

    private static List<JsonNode> limited(List<JsonNode> rows) {
        if (rows.size() > MAX_ROWS) {
            throw tooMany();
        }
        return rows;
    }

    private static ProblemException tooMany() {
        return new ProblemException(
                413,
                "too-many-rows",
                "Too many rows",
                "A batch import takes at most " + MAX_ROWS + " rows; split the file");
    }

    private static boolean isCsv(String contentType) {
        return contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.valueOf(CSV));
    }
}
