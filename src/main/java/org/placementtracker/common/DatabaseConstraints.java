package org.placementtracker.common;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Translates the database's own integrity checks into problems. Services check the common
 * cases first with clear messages; the constraints remain the guarantee under concurrency,
 * and this table keeps their answers readable when a race reaches them first.
 */
public final class DatabaseConstraints {

    private record Known(int status, String slug, String title, String detail) {}

    private static final Map<String, Known> KNOWN = Map.ofEntries(
            Map.entry(
                    "major_pkey",
                    new Known(409, "duplicate-major", "Major already exists", "A major with this code already exists")),
            Map.entry(
                    "uq_student_student_no",
                    new Known(
                            409,
                            "duplicate-student-no",
                            "Student number already used",
                            "Another student has this student number")),
            Map.entry(
                    "uq_student_id_number_hash",
                    new Known(
                            409,
                            "duplicate-id-number",
                            "ID number already used",
                            "Another student has this ID number")),
            Map.entry(
                    "uq_firm_name",
                    new Known(409, "duplicate-firm-name", "Firm name already used", "Another firm has this name")),
            Map.entry(
                    "uq_firm_credit_code",
                    new Known(
                            409,
                            "duplicate-credit-code",
                            "Credit code already used",
                            "Another firm has this Unified Social Credit Code")),
            Map.entry(
                    "uq_member_open_class",
                    new Known(
                            409,
                            "already-in-open-order-class",
                            "Student already in an open order class",
                            "A student may be in only one open order class")),
            Map.entry(
                    "ex_placement_no_overlap",
                    new Known(
                            409,
                            "placement-overlap",
                            "Placement overlaps another",
                            "The student already has a placement in that period")),
            Map.entry(
                    "uq_student_external_ref",
                    new Known(
                            409,
                            "duplicate-external-ref",
                            "External reference already used",
                            "Another student has this externalRef")),
            Map.entry(
                    "uq_placement_external_ref",
                    new Known(
                            409,
                            "duplicate-external-ref",
                            "External reference already used",
                            "Another placement at this firm has this externalRef")),
            Map.entry(
                    "uq_timesheet_week",
                    new Known(
                            409,
                            "timesheet-conflict",
                            "Timesheet written concurrently",
                            "Another request wrote this placement's timesheet for the week at the same moment; send it "
                                    + "again to replace it")),
            Map.entry(
                    "ex_rotation_no_overlap",
                    new Known(
                            409,
                            "rotation-overlap",
                            "Rotation overlaps another",
                            "The order class already has a rotation in that period")),
            Map.entry(
                    "ck_order_class_members_within_quota",
                    new Known(
                            409, "order-class-full", "Order class is full", "The order class has reached its quota")));

    private DatabaseConstraints() {}

    /** The constraint and index names this table answers for; a test checks each still exists. */
    public static Set<String> names() {
        return KNOWN.keySet();
    }

    /** The problem for a failed integrity check anywhere in the cause chain, or null. */
    public static ProblemException problemFor(Throwable e) {
        SQLException sql = ProblemMapper.sqlCause(e);
        if (sql == null || sql.getSQLState() == null) {
            return null;
        }
        String constraint = constraintName(sql);
        Known known = constraint == null ? null : KNOWN.get(constraint);
        if (known != null) {
            return new ProblemException(known.status(), known.slug(), known.title(), known.detail());
        }
        return switch (sql.getSQLState()) {
            case "23505" ->
                ProblemException.conflict(
                        "duplicate", "Already exists", "A resource with the same unique value already exists");
            case "23503" ->
                ProblemException.conflict(
                        "still-referenced", "Resource is referenced", "Other records refer to this resource");
            case "23514", "23P01" ->
                ProblemException.conflict(
                        "constraint-violated",
                        "Conflicts with existing data",
                        "The change conflicts with existing data");
            case "40001", "40P01" ->
                ProblemException.conflict(
                        "concurrent-modification",
                        "Modified concurrently",
                        "Another request changed the same data at the same time; retry");
            default -> null;
        };
    }

    private static String constraintName(SQLException sql) {
        if (sql instanceof PSQLException psql) {
            ServerErrorMessage message = psql.getServerErrorMessage();
            return message == null ? null : message.getConstraint();
        }
        return null;
    }
}
