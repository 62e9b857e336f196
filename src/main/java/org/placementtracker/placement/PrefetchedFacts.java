package org.placementtracker.placement;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.BatchSize;
import org.hibernate.ReadOnlyMode;
import org.hibernate.Session;
import org.placementtracker.common.Period;
import org.placementtracker.common.Text;
import org.placementtracker.compliance.ComplianceService;
import org.placementtracker.firm.Firm;
import org.placementtracker.orderclass.OrderClass;
import org.placementtracker.student.Student;
import org.placementtracker.student.StudentService;

/**
 * The facts a batch of placement rows needs, read with a handful of set-based queries instead of
 * several per row: its students (locked in one statement, in id order like every bulk lock of students),
 * firms, order classes, the placements its external references name, and every placement of its
 * students. Rows saved during the batch are added, so later rows are checked against earlier ones.
 */
final class PrefetchedFacts implements PlacementFacts {

    /** Ids per query of entities, bound as one array. */
    private static final int CHUNK = 1_000;

    private final Map<UUID, Student> students;
    private final Map<UUID, Firm> firms;
    private final Map<UUID, OrderClass> orderClasses;
    private final Map<String, Placement> byExternalRef = new HashMap<>();
    /** Per student, the period of each of its placements that is not cancelled, by placement id. */
    private final Map<UUID, Map<UUID, Period>> byStudent = new HashMap<>();
    /** The rows saved so far, not cancelled: Hibernate writes them at the end of the batch. */
    private final Map<UUID, ComplianceService.Pending> saved = new HashMap<>();

    private PrefetchedFacts(Map<UUID, Student> students, Map<UUID, Firm> firms, Map<UUID, OrderClass> orderClasses) {
        this.students = students;
        this.firms = firms;
        this.orderClasses = orderClasses;
    }

    static PrefetchedFacts load(EntityManager em, List<PlacementRequest> rows) {
        Session session = em.unwrap(Session.class);
        List<UUID> studentIds = distinct(rows, PlacementRequest::studentId);
        StudentService.lockInIdOrder(em, studentIds);
        // Only read here: no snapshots to keep, nothing to check at flush.
        PrefetchedFacts facts = new PrefetchedFacts(
                byId(readOnly(session, Student.class, studentIds), s -> s.id),
                byId(readOnly(session, Firm.class, distinct(rows, PlacementRequest::firmId)), f -> f.id),
                byId(readOnly(session, OrderClass.class, distinct(rows, PlacementRequest::orderClassId)), o -> o.id));
        // Only the periods of the students' placements: loading them as entities would cost far more.
        select(
                session,
                "select student_id, id, start_date, end_date from placement "
                        + "where student_id = any(?) and status <> 'CANCELLED'",
                "uuid",
                studentIds,
                found -> facts.periodsOf(found.getObject(1, UUID.class))
                        .put(
                                found.getObject(2, UUID.class),
                                new Period(found.getObject(3, LocalDate.class), found.getObject(4, LocalDate.class))));
        // The placements the rows' references name are the ones the rows update: managed entities.
        List<UUID> named = new ArrayList<>();
        select(
                session,
                "select id from placement where external_ref = any(?)",
                "varchar",
                distinct(rows, r -> Text.blankToNull(r.externalRef())),
                found -> named.add(found.getObject(1, UUID.class)));
        session.findMultiple(Placement.class, named, new BatchSize(CHUNK))
                .forEach(p -> facts.byExternalRef.put(refKey(p.firmId, p.externalRef), p));
        return facts;
    }

    /** One row of a plain query's result. */
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs a query whose one parameter is an array of {@code values}, handing each row to {@code reader}. */
    private static void select(Session session, String sql, String arrayType, List<?> values, RowReader reader) {
        session.doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setArray(1, connection.createArrayOf(arrayType, values.toArray()));
                try (ResultSet found = query.executeQuery()) {
                    while (found.next()) {
                        reader.read(found);
                    }
                }
            }
        });
    }

    private static <T> List<T> readOnly(Session session, Class<T> type, List<UUID> ids) {
        return session.findMultiple(type, ids, new BatchSize(CHUNK), ReadOnlyMode.READ_ONLY).stream()
                .filter(Objects::nonNull)
                .toList();
    }

    @Override
    public Student lockedStudent(UUID id) {
        return students.get(id);
    }

    @Override
    public Firm firm(UUID id) {
        return firms.get(id);
    }

    @Override
    public OrderClass orderClass(UUID id) {
        return orderClasses.get(id);
    }

    @Override
    public Placement withExternalRef(UUID firmId, String externalRef) {
        return byExternalRef.get(refKey(firmId, externalRef));
    }

    @Override
    public Optional<Period> overlapping(UUID studentId, Period period, UUID except) {
        return periodsOf(studentId).entrySet().stream()
                .filter(e -> !e.getKey().equals(except))
                .map(Map.Entry::getValue)
                .filter(p -> !p.start().isAfter(period.end()) && !p.end().isBefore(period.start()))
                .min(Comparator.comparing(Period::start));
    }

    @Override
    public void saved(Placement placement) {
        if (placement.status == Placement.Status.CANCELLED) {
            periodsOf(placement.studentId).remove(placement.id);
            saved.remove(placement.id);
        } else {
            periodsOf(placement.studentId).put(placement.id, new Period(placement.startDate, placement.endDate));
            saved.put(placement.id, PlacementService.pending(placement));
        }
        if (placement.externalRef != null) {
            byExternalRef.put(refKey(placement.firmId, placement.externalRef), placement);
        }
    }

    @Override
    public Collection<ComplianceService.Pending> pending(ComplianceService.Pending current) {
        Map<UUID, ComplianceService.Pending> all = new HashMap<>(saved);
        all.put(current.id(), current);
        return all.values();
    }

    private Map<UUID, Period> periodsOf(UUID studentId) {
        return byStudent.computeIfAbsent(studentId, k -> new HashMap<>());
    }

    private static String refKey(UUID firmId, String externalRef) {
        return firmId + "/" + externalRef;
    }

    private static <T> List<T> distinct(List<PlacementRequest> rows, Function<PlacementRequest, T> field) {
        return rows.stream().map(field).filter(Objects::nonNull).distinct().toList();
    }

    private static <T> Map<UUID, T> byId(List<T> entities, Function<T, UUID> id) {
        Map<UUID, T> map = new HashMap<>();
        entities.forEach(e -> map.put(id.apply(e), e));
        return map;
    }
}
