package org.placementtracker.placement;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.placementtracker.common.CursorCodec;
import org.placementtracker.common.FieldError;
import org.placementtracker.common.Listing;
import org.placementtracker.common.MergePatch;
import org.placementtracker.common.Page;
import org.placementtracker.common.PageRequest;
import org.placementtracker.common.Period;
import org.placementtracker.common.Preconditions;
import org.placementtracker.common.ProblemException;
import org.placementtracker.common.SortColumn;
import org.placementtracker.common.Sorts;
import org.placementtracker.common.Text;
import org.placementtracker.common.Upserted;
import org.placementtracker.firm.Firm;
import org.placementtracker.orderclass.OrderClass;
import org.placementtracker.security.CurrentCaller;
import org.placementtracker.student.Student;

@ApplicationScoped
public class PlacementService {

    static final Sorts<Placement> SORTS = Sorts.byId((Placement p) -> p.id, "startDate")
            .with("startDate", new SortColumn<>("e.startDate", LocalDate.class, p -> p.startDate))
            .with("createdAt", new SortColumn<>("e.createdAt", Instant.class, p -> p.createdAt));

    /** What a partner firm may do to its own placements: start, complete, terminate. */
    private static final Set<Placement.Status> PARTNER_MOVES =
            EnumSet.of(Placement.Status.ACTIVE, Placement.Status.COMPLETED, Placement.Status.TERMINATED);

    /**
     * Filters of the placement list; null means "any". {@code year} selects the placements that count in
     * that year exactly as the reports count them: start date in the (calendar or academic) year, and
     * not cancelled unless {@code status} asks for cancelled ones.
     */
    public record Filter(
            UUID studentId,
            UUID firmId,
            UUID orderClassId,
            String majorCode,
            Placement.Type type,
            Placement.Status status,
            Integer year,
            YearBasis yearBasis) {

        LocalDate yearStart() {
            return year == null ? null : yearBasis.firstDay(year);
        }

        LocalDate yearEnd() {
            return year == null ? null : yearStart().plusYears(1);
        }

        Placement.Status excluded() {
            return year != null && status == null ? Placement.Status.CANCELLED : null;
        }
    }

    private final EntityManager em;
    private final CursorCodec cursors;
    private final MergePatch mergePatch;
    private final Preconditions preconditions;
    private final CurrentCaller caller;

    /** The facts of single operations: read from the database as the rules ask. */
    private final PlacementFacts database = new PlacementFacts() {
        @Override
        public Student lockedStudent(UUID id) {
            return em.find(Student.class, id, LockModeType.PESSIMISTIC_WRITE);
        }

        @Override
        public Firm firm(UUID id) {
            return Firm.findById(id);
        }

        @Override
        public OrderClass orderClass(UUID id) {
            return OrderClass.findById(id);
        }

        @Override
        public Placement withExternalRef(UUID firmId, String externalRef) {
            return Placement.<Placement>find("firmId = ?1 and externalRef = ?2", firmId, externalRef)
                    .firstResult();
        }

        @Override
        public Optional<Period> overlapping(UUID studentId, Period period, UUID except) {
            return PlacementService.this
                    .overlapping(studentId, period, except)
                    .map(other -> new Period(other.startDate, other.endDate));
        }
    };

    public PlacementService(
            EntityManager em,
            CursorCodec cursors,
            MergePatch mergePatch,
            Preconditions preconditions,
            CurrentCaller caller) {
        this.caller = caller;
        this.em = em;
        this.cursors = cursors;
        this.mergePatch = mergePatch;
        this.preconditions = preconditions;
    }

    @Transactional
    public PlacementResponse create(PlacementRequest request) {
        Placement placement = insert(request, database);
        em.flush();
        return PlacementResponse.of(placement);
    }

    /**
     * Imports rows in the caller's transaction: reads what their rules need in a few queries, then
     * returns what creates or updates one row (see {@link #upsert}). Deliberately not transactional:
     * a rejected row must not mark the batch rollback-only.
     */
    public Function<PlacementRequest, Upserted> importer(List<PlacementRequest> rows) {
        PlacementFacts facts = PrefetchedFacts.load(em, rows);
        return request -> upsert(request, facts);
    }

    /** One import row in a transaction of its own, for imports that keep the good rows. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Upserted upsertAlone(PlacementRequest request) {
        Upserted upserted = upsert(request, database);
        em.flush();
        return upserted;
    }

    /**
     * Creates the placement, or updates the one of the same firm whose externalRef the request
     * repeats, so that a re-sent import changes nothing twice. Every check comes before the first
     * change, so a rejected row leaves nothing behind.
     */
    private Upserted upsert(PlacementRequest request, PlacementFacts facts) {
        String ref = Text.blankToNull(request.externalRef());
        Placement existing = ref == null ? null : facts.withExternalRef(request.firmId(), ref);
        if (existing == null) {
            return new Upserted(insert(request, facts).id, true);
        }
        if (!request.studentId().equals(existing.studentId)) {
            throw ProblemException.invalid("studentId", "cannot be changed; cancel this placement and create another");
        }
        checkReferences(request, facts);
        Student student = facts.lockedStudent(existing.studentId);
        Period period = Period.of(request.startDate(), request.endDate());
        if (existing.status != Placement.Status.CANCELLED) {
            rejectOverlap(student, period, existing.id, facts);
        }
        apply(existing, request);
        facts.saved(existing);
        return new Upserted(existing.id, false);
    }

    private Placement insert(PlacementRequest request, PlacementFacts facts) {
        checkReferences(request, facts);
        Student student = facts.lockedStudent(request.studentId());
        if (student.status != Student.Status.ENROLLED) {
            throw ProblemException.conflict(
                    "student-not-enrolled",
                    "Student is not enrolled",
                    "Student " + student.studentNo + " is " + student.status + "; only enrolled students are placed");
        }
        requireActive(facts.firm(request.firmId()));
        Period period = Period.of(request.startDate(), request.endDate());
        rejectOverlap(student, period, null, facts);
        Placement placement = new Placement();
        placement.id = UUID.randomUUID();
        placement.status = Placement.Status.PLANNED;
        apply(placement, request);
        placement.persist();
        facts.saved(placement);
        return placement;
    }

    @Transactional
    public PlacementResponse get(UUID id) {
        return PlacementResponse.of(visible(id));
    }

    /** The placement, if the caller may see it (a partner's rows are its firm's: PartnerConnections). */
    private Placement visible(UUID id) {
        return find(id);
    }

    @Transactional
    public Page<PlacementResponse> list(Filter filter, String sort, PageRequest page) {
        return Listing.of(Placement.class)
                .filter("studentId", filter.studentId(), "e.studentId = :studentId")
                .filter("firmId", filter.firmId(), "e.firmId = :firmId")
                .filter("orderClassId", filter.orderClassId(), "e.orderClassId = :orderClassId")
                .filter(
                        "majorCode",
                        filter.majorCode(),
                        "e.studentId in (select s.id from Student s where s.majorCode = :majorCode)")
                .filter("type", filter.type(), "e.type = :type")
                .filter("status", filter.status(), "e.status = :status")
                .filter("excluded", filter.excluded(), "e.status <> :excluded")
                .filter("yearStart", filter.yearStart(), "e.startDate >= :yearStart")
                .filter("yearEnd", filter.yearEnd(), "e.startDate < :yearEnd")
                .page(em, cursors, SORTS.parse(sort), page, PlacementResponse::of);
    }

    @Transactional
    public PlacementResponse patch(UUID id, JsonNode patch) {
        Placement placement = find(id);
        preconditions.check(placement.version);
        PlacementRequest changed =
                mergePatch.apply(PlacementResponse.of(placement).asRequest(), patch, PlacementRequest.class);
        if (!changed.studentId().equals(placement.studentId)) {
            throw ProblemException.invalid("studentId", "cannot be changed; cancel this placement and create another");
        }
        checkReferences(changed, database);
        Student student = database.lockedStudent(placement.studentId);
        if (!changed.firmId().equals(placement.firmId)) {
            requireActive(database.firm(changed.firmId()));
        }
        Period period = Period.of(changed.startDate(), changed.endDate());
        if (placement.status != Placement.Status.CANCELLED) {
            rejectOverlap(student, period, placement.id, database);
        }
        apply(placement, changed);
        em.flush();
        return PlacementResponse.of(placement);
    }

    @Transactional
    public PlacementResponse changeStatus(UUID id, StatusChangeRequest request) {
        Placement placement = visible(id);
        Placement.Status target = request.status();
        if (caller.partnerFirm() != null && !PARTNER_MOVES.contains(target)) {
            throw new ProblemException(
                    403,
                    "forbidden",
                    "Not allowed",
                    "A partner may start, complete or terminate its placements, not set them " + target);
        }
        if (!placement.status.canMoveTo(target)) {
            throw ProblemException.conflict(
                    "illegal-status-change",
                    "Status change not allowed",
                    "A " + placement.status + " placement cannot become " + target);
        }
        String reason = Text.blankToNull(request.reason());
        if (target == Placement.Status.TERMINATED && reason == null) {
            throw ProblemException.invalid("reason", "is required to terminate a placement");
        }
        placement.status = target;
        placement.statusReason = reason;
        em.flush();
        return PlacementResponse.of(placement);
    }

    /** The placement of the student that overlaps the period and is not cancelled, if any. */
    public Optional<Placement> overlapping(UUID studentId, Period period, UUID except) {
        return em.createQuery(
                        "select p from Placement p where p.studentId = :student and p.status <> :cancelled "
                                + "and p.startDate <= :end and p.endDate >= :start and p.id <> :except order by p.startDate",
                        Placement.class)
                .setParameter("student", studentId)
                .setParameter("cancelled", Placement.Status.CANCELLED)
                .setParameter("start", period.start())
                .setParameter("end", period.end())
                .setParameter("except", except == null ? new UUID(0, 0) : except)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * For many students in one query: per student, the period of its earliest placement that
     * overlaps the period and is not cancelled; students without one are absent.
     */
    public Map<UUID, Period> firstOverlapping(Collection<UUID> studentIds, Period period) {
        Map<UUID, Period> first = new HashMap<>();
        if (studentIds.isEmpty()) {
            return first;
        }
        em.createQuery(
                        "select p.studentId, p.startDate, p.endDate from Placement p where p.studentId in :students "
                                + "and p.status <> :cancelled and p.startDate <= :end and p.endDate >= :start "
                                + "order by p.startDate",
                        Object[].class)
                .setParameter("students", studentIds)
                .setParameter("cancelled", Placement.Status.CANCELLED)
                .setParameter("start", period.start())
                .setParameter("end", period.end())
                .getResultStream()
                .forEach(row -> first.putIfAbsent((UUID) row[0], new Period((LocalDate) row[1], (LocalDate) row[2])));
        return first;
    }

    /** Stores a placement whose rules the caller has checked (a rotation's dispatch). */
    public Placement persistChecked(Placement placement) {
        placement.id = UUID.randomUUID();
        placement.status = Placement.Status.PLANNED;
        placement.persist();
        return placement;
    }

    /** Cancels the still-planned placements a rotation dispatched; returns how many. */
    public int cancelPlannedOfRotation(UUID rotationId, String reason) {
        List<Placement> planned =
                Placement.list("rotationId = ?1 and status = ?2", rotationId, Placement.Status.PLANNED);
        planned.forEach(p -> {
            p.status = Placement.Status.CANCELLED;
            p.statusReason = reason;
        });
        return planned.size();
    }

    /** The placement with this id, or a 404 problem. */
    public static Placement find(UUID id) {
        Placement placement = Placement.findById(id);
        if (placement == null) {
            throw ProblemException.notFound("Placement", id);
        }
        return placement;
    }

    private static void rejectOverlap(Student student, Period period, UUID except, PlacementFacts facts) {
        facts.overlapping(student.id, period, except).ifPresent(other -> {
            throw ProblemException.conflict(
                    "placement-overlap",
                    "Placement overlaps another",
                    "Student " + student.studentNo + " is already placed from " + other.start() + " to " + other.end());
        });
    }

    private static void requireActive(Firm firm) {
        if (firm.status != Firm.Status.ACTIVE) {
            throw ProblemException.conflict(
                    "firm-inactive",
                    "Firm is not active",
                    "Firm " + firm.name + " is " + firm.status + "; placements need an active firm");
        }
    }

    private static void checkReferences(PlacementRequest request, PlacementFacts facts) {
        List<FieldError> errors = new ArrayList<>();
        if (facts.lockedStudent(request.studentId()) == null) {
            errors.add(new FieldError("studentId", "no student has id " + request.studentId()));
        }
        if (facts.firm(request.firmId()) == null) {
            errors.add(new FieldError("firmId", "no firm has id " + request.firmId()));
        }
        if (request.orderClassId() != null) {
            OrderClass orderClass = facts.orderClass(request.orderClassId());
            if (orderClass == null) {
                errors.add(new FieldError("orderClassId", "no order class has id " + request.orderClassId()));
            } else if (!orderClass.firmId.equals(request.firmId())) {
                errors.add(new FieldError("orderClassId", "is run for another firm than firmId"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void apply(Placement placement, PlacementRequest request) {
        placement.studentId = request.studentId();
        placement.firmId = request.firmId();
        placement.type = request.type();
        placement.orderClassId = request.orderClassId();
        placement.position = Text.blankToNull(request.position());
        placement.startDate = request.startDate();
        placement.endDate = request.endDate();
        placement.externalRef = Text.blankToNull(request.externalRef());
    }
}
