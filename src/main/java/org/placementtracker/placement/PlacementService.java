package org.placementtracker.placement;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
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
import org.placementtracker.compliance.BreachStatus;
import org.placementtracker.compliance.ComplianceService;
import org.placementtracker.compliance.ComplianceStatus;
import org.placementtracker.compliance.Kind;
import org.placementtracker.compliance.Mode;
import org.placementtracker.compliance.Rule;
import org.placementtracker.compliance.Subject;
import org.placementtracker.compliance.Terms;
import org.placementtracker.compliance.Worked;
import org.placementtracker.firm.Firm;
import org.placementtracker.firm.FirmPost;
import org.placementtracker.firm.FirmRulesChanged;
import org.placementtracker.orderclass.OrderClass;
import org.placementtracker.security.CurrentCaller;
import org.placementtracker.student.Student;

@ApplicationScoped
public class PlacementService {

    static final Sorts<Placement> SORTS = Sorts.byId((Placement p) -> p.id, "startDate")
            .with("startDate", new SortColumn<>("e.startDate", LocalDate.class, p -> p.startDate))
            .with("createdAt", new SortColumn<>("e.createdAt", Instant.class, p -> p.createdAt));

    static final Sorts<Timesheet> TIMESHEET_SORTS = Sorts.byId((Timesheet t) -> t.id, "weekStart")
            .with("weekStart", new SortColumn<>("e.weekStart", LocalDate.class, t -> t.weekStart));

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
    private final ComplianceService compliance;
    private final Clock clock;

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
            CurrentCaller caller,
            ComplianceService compliance,
            Clock clock) {
        this.caller = caller;
        this.compliance = compliance;
        this.clock = clock;
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
        // After the students, like every writer: the share rules count per firm under a lock.
        compliance.lockFirms(rows.stream().map(PlacementRequest::firmId).toList());
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
        comply(existing, student, facts.firm(existing.firmId), false, facts);
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
        Subject subject = subject(placement, student, facts.firm(request.firmId()), false, Worked.NONE);
        placement.compliance = compliance.check(subject, facts.pending(pending(placement)), "The placement", List.of());
        placement.persist();
        compliance.record(subject, placement.compliance, true);
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
        Placement before = copyOfPlace(placement);
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
        comply(placement, student, database.firm(placement.firmId), false, database);
        recheckShares(before, new Period(before.startDate, before.endDate));
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
        if (target == Placement.Status.ACTIVE) {
            // No agreement, no internship: the documents are due when it starts, whatever the date.
            comply(placement, Student.findById(placement.studentId), Firm.findById(placement.firmId), true, database);
        }
        placement.status = target;
        placement.statusReason = reason;
        if (target == Placement.Status.CANCELLED) {
            placement.compliance = List.of();
            compliance.resolveAll(placement.id);
            recheckShares(placement, new Period(placement.startDate, placement.endDate));
        }
        em.flush();
        return PlacementResponse.of(placement);
    }

    /** A week written: its timesheet, and whether the week is new. */
    public record WeekWritten(TimesheetResponse timesheet, boolean created) {}

    /**
     * Writes one week of hours of the placement (a week already reported is replaced) and checks the
     * working-time rules again. A timesheet reports what happened, so a breach is recorded, never refused.
     */
    @Transactional
    public WeekWritten writeWeek(UUID placementId, TimesheetRequest request) {
        if (request.placementId() != null && !request.placementId().equals(placementId)) {
            throw ProblemException.invalid("placementId", "names another placement than the path");
        }
        Upserted written = week(placementId, request);
        em.flush();
        return new WeekWritten(TimesheetResponse.of(Timesheet.findById(written.id())), written.created());
    }

    /** Imports weeks in the caller's transaction (see {@link #importer}). */
    public Function<TimesheetRequest, Upserted> timesheetImporter(List<TimesheetRequest> rows) {
        return row -> week(row.placementId(), row);
    }

    /** One imported week in a transaction of its own, for imports that keep the good rows. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Upserted weekAlone(TimesheetRequest row) {
        Upserted written = week(row.placementId(), row);
        em.flush();
        return written;
    }

    @Transactional
    public Page<TimesheetResponse> timesheets(UUID placementId, PageRequest page) {
        find(placementId);
        return Listing.of(Timesheet.class)
                .filter("placementId", placementId, "e.placementId = :placementId")
                .page(em, cursors, TIMESHEET_SORTS.parse(null), page, TimesheetResponse::of);
    }

    private Upserted week(UUID placementId, TimesheetRequest request) {
        if (placementId == null) {
            throw ProblemException.invalid("placementId", "is required");
        }
        Placement placement = find(placementId);
        if (placement.status == Placement.Status.CANCELLED) {
            throw ProblemException.conflict(
                    "placement-cancelled", "Placement is cancelled", "A cancelled placement has no hours to report");
        }
        LocalDate monday = request.weekStart();
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw ProblemException.invalid("weekStart", "must be a Monday");
        }
        if (monday.isAfter(placement.endDate) || monday.plusDays(6).isBefore(placement.startDate)) {
            throw ProblemException.invalid(
                    "weekStart",
                    "the week does not overlap the placement (" + placement.startDate + " to " + placement.endDate
                            + ")");
        }
        BigDecimal total = List.of(
                        request.monday(),
                        request.tuesday(),
                        request.wednesday(),
                        request.thursday(),
                        request.friday(),
                        request.saturday(),
                        request.sunday())
                .stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<FieldError> errors = new ArrayList<>();
        Map.of(
                        "nightHours", orZero(request.nightHours()),
                        "overtimeHours", orZero(request.overtimeHours()),
                        "restDayHours", orZero(request.restDayHours()))
                .forEach((field, hours) -> {
                    if (hours.compareTo(total) > 0) {
                        errors.add(
                                new FieldError(field, "is more than the week's hours (" + total.toPlainString() + ")"));
                    }
                });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Timesheet week = Timesheet.<Timesheet>find("placementId = ?1 and weekStart = ?2", placementId, monday)
                .firstResult();
        boolean created = week == null;
        if (created) {
            week = new Timesheet();
            week.id = UUID.randomUUID();
            week.placementId = placementId;
            week.firmId = placement.firmId;
            week.studentId = placement.studentId;
            week.weekStart = monday;
        }
        week.monday = twoPlaces(request.monday());
        week.tuesday = twoPlaces(request.tuesday());
        week.wednesday = twoPlaces(request.wednesday());
        week.thursday = twoPlaces(request.thursday());
        week.friday = twoPlaces(request.friday());
        week.saturday = twoPlaces(request.saturday());
        week.sunday = twoPlaces(request.sunday());
        week.nightHours = twoPlaces(orZero(request.nightHours()));
        week.overtimeHours = twoPlaces(orZero(request.overtimeHours()));
        week.restDayHours = twoPlaces(orZero(request.restDayHours()));
        if (created) {
            week.persist();
        }
        recheck(List.of(placement));
        return new Upserted(week.id, created);
    }

    /**
     * Amounts and hours as the database keeps them (two decimals; validation allows no more), so an
     * answer shows the same number whether it echoes a write or reads it back.
     */
    private static BigDecimal twoPlaces(BigDecimal value) {
        return value == null ? null : value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static BigDecimal orZero(BigDecimal hours) {
        return hours == null ? BigDecimal.ZERO : hours;
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

    /**
     * Stores a placement whose own rules the caller has checked (a rotation's dispatch), after the
     * internship rules.
     *
     * @param earlier the placements the caller stored before in this transaction
     */
    public Placement persistChecked(Placement placement, Student student, Firm firm, List<Placement> earlier) {
        placement.id = UUID.randomUUID();
        placement.status = Placement.Status.PLANNED;
        Subject subject = subject(placement, student, firm, false, Worked.NONE);
        List<ComplianceService.Pending> pending = new ArrayList<>();
        earlier.forEach(p -> pending.add(pending(p)));
        pending.add(pending(placement));
        placement.compliance =
                compliance.check(subject, pending, "The placement of student " + student.studentNo, List.of());
        placement.persist();
        compliance.record(subject, placement.compliance, true);
        return placement;
    }

    /** Cancels the still-planned placements a rotation dispatched; returns how many. */
    public int cancelPlannedOfRotation(UUID rotationId, String reason) {
        List<Placement> planned =
                Placement.list("rotationId = ?1 and status = ?2", rotationId, Placement.Status.PLANNED);
        planned.forEach(p -> {
            p.status = Placement.Status.CANCELLED;
            p.statusReason = reason;
            p.compliance = List.of();
            compliance.resolveAll(p.id);
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
        if (request.insuranceFrom() != null
                && request.insuranceTo() != null
                && request.insuranceTo().isBefore(request.insuranceFrom())) {
            errors.add(new FieldError("insuranceTo", "is before insuranceFrom"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /**
     * Checks a changed placement against the internship rules (nothing for a cancelled one, which
     * counts nowhere) and keeps its breaches in step.
     */
    private void comply(Placement placement, Student student, Firm firm, boolean activating, PlacementFacts facts) {
        if (placement.status == Placement.Status.CANCELLED) {
            return;
        }
        Subject subject = subject(placement, student, firm, activating, worked(placement));
        // Making it active refuses every breach of a BLOCK rule ("no agreement, no internship"); other
        // changes only those they add.
        List<Rule> shown = activating
                ? List.of()
                : placement.compliance.stream().map(ComplianceStatus::rule).toList();
        List<ComplianceStatus> found =
                compliance.check(subject, facts.pending(pending(placement)), "The placement", shown);
        if (!found.equals(placement.compliance)) {
            placement.compliance = found;
        }
        compliance.record(subject, found, false);
    }

    /**
     * A firm's staff, posts or kind changed: its placements that have not ended are checked again, so
     * the breach list stays current. Nothing is refused; what they now break is recorded.
     */
    void onFirmRulesChanged(@Observes FirmRulesChanged changed) {
        recheck(em.createQuery(
                        "select p from Placement p where p.firmId = :firm and p.status in :live and p.endDate >= :today "
                                + "order by p.id",
                        Placement.class)
                .setParameter("firm", changed.firmId())
                .setParameter("live", EnumSet.of(Placement.Status.PLANNED, Placement.Status.ACTIVE))
                .setParameter("today", LocalDate.now(clock))
                .getResultList());
    }

    /**
     * A placement at the firm left a period or was cancelled: the other placements there whose open
     * breaches of the share rules it may have caused are checked again (a new placement only adds
     * interns, so it carries its own breach and leaves the others' as they are).
     */
    private void recheckShares(Placement changed, Period before) {
        if (changed.type.kind() != Kind.POST) {
            return;
        }
        recheck(em.createQuery(
                        "select p from Placement p where p.firmId = :firm and p.id <> :id and p.status <> :cancelled "
                                + "and p.startDate <= :end and p.endDate >= :start and p.id in (select b.placementId "
                                + "from ComplianceBreach b where b.status = :open and b.rule in :rules) order by p.id",
                        Placement.class)
                .setParameter("firm", changed.firmId)
                .setParameter("id", changed.id)
                .setParameter("cancelled", Placement.Status.CANCELLED)
                .setParameter("start", before.start())
                .setParameter("end", before.end())
                .setParameter("open", BreachStatus.OPEN)
                .setParameter("rules", List.of(Rule.FIRM_SHARE.id(), Rule.POST_SHARE.id()))
                .getResultList());
    }

    /**
     * Checks again the placements whose first day has come since the last sweep (their documents and
     * pay are due from that day); returns how many. Several instances take turns on the sweep's row.
     */
    @Transactional
    public int checkThoseThatStarted() {
        LocalDate today = LocalDate.now(clock);
        LocalDate through = LocalDate.parse(
                (String) em.createNativeQuery("select swept_through::text from compliance_sweep for update")
                        .getSingleResult());
        if (!through.isBefore(today)) {
            return 0;
        }
        List<Placement> started = em.createQuery(
                        "select p from Placement p where p.status in :live and p.startDate > :after "
                                + "and p.startDate <= :today order by p.id",
                        Placement.class)
                .setParameter("live", EnumSet.of(Placement.Status.PLANNED, Placement.Status.ACTIVE))
                .setParameter("after", through)
                .setParameter("today", today)
                .getResultList();
        recheck(started);
        em.createNativeQuery("update compliance_sweep set swept_through = cast(?1 as date)")
                .setParameter(1, today.toString())
                .executeUpdate();
        return started.size();
    }

    /** Checks these placements again against the rules and records what they break (demo data). */
    public void checkAgain(Collection<UUID> ids) {
        recheck(ids.stream().sorted().map(PlacementService::find).toList());
    }

    private void recheck(List<Placement> placements) {
        for (Placement p : placements) {
            Subject subject = subject(p, Student.findById(p.studentId), Firm.findById(p.firmId), false, worked(p));
            List<ComplianceStatus> found = compliance.recheck(subject, List.of(pending(p)));
            if (!found.equals(p.compliance)) {
                p.compliance = found;
            }
            compliance.record(subject, found, false);
        }
    }

    private static Subject subject(Placement p, Student student, Firm firm, boolean activating, Worked worked) {
        FirmPost post = firm.post(p.position);
        return new Subject(
                p.id,
                p.studentId,
                p.firmId,
                p.type.kind(),
                p.startDate,
                p.endDate,
                p.position,
                activating || p.status == Placement.Status.ACTIVE,
                p.status == Placement.Status.COMPLETED || p.status == Placement.Status.TERMINATED,
                student.birthDate,
                student.cohortYear,
                student.majorCode,
                firm.headcount,
                post == null ? null : post.staff(),
                post != null && post.prohibited(),
                firm.labourIntermediary,
                firm.prohibitedVenue,
                new Terms(
                        p.agreementRef,
                        p.agreementSignedOn,
                        p.guardianConsentOn,
                        p.insurancePolicyNo,
                        p.insuranceFrom,
                        p.insuranceTo,
                        p.insurancePaidBy,
                        p.monthlyPay,
                        p.postWage,
                        p.payPeriod,
                        p.dailyHours,
                        p.nightWork,
                        p.overtime,
                        p.restDayWork,
                        p.workExceptionFiling),
                worked);
    }

    /** What the placement's timesheets report, when a working-time rule is on and it has any. */
    private Worked worked(Placement p) {
        if (p.type.kind() == Kind.OBSERVATION
                || (compliance.mode(Rule.WORKING_TIME) == Mode.OFF && compliance.mode(Rule.MINOR_HOURS) == Mode.OFF)) {
            return Worked.NONE;
        }
        List<Timesheet> weeks = Timesheet.list("placementId = ?1 order by weekStart", p.id);
        Timesheet longest = null;
        BigDecimal longestDay = null;
        Timesheet night = null;
        Timesheet overtime = null;
        Timesheet restDay = null;
        for (Timesheet week : weeks) {
            BigDecimal day = week.days().stream().max(BigDecimal::compareTo).orElseThrow();
            if (longestDay == null || day.compareTo(longestDay) > 0) {
                longest = week;
                longestDay = day;
            }
            night = night == null && week.nightHours.signum() > 0 ? week : night;
            overtime = overtime == null && week.overtimeHours.signum() > 0 ? week : overtime;
            restDay = restDay == null && week.restDayHours.signum() > 0 ? week : restDay;
        }
        return new Worked(
                longest == null ? null : longest.weekStart,
                longestDay,
                night == null ? null : night.weekStart,
                night == null ? null : night.nightHours,
                overtime == null ? null : overtime.weekStart,
                overtime == null ? null : overtime.overtimeHours,
                restDay == null ? null : restDay.weekStart,
                restDay == null ? null : restDay.restDayHours);
    }

    /** Where and when a placement was, before a change: what {@link #recheckShares} looks at. */
    private static Placement copyOfPlace(Placement p) {
        Placement copy = new Placement();
        copy.id = p.id;
        copy.firmId = p.firmId;
        copy.type = p.type;
        copy.status = p.status;
        copy.startDate = p.startDate;
        copy.endDate = p.endDate;
        return copy;
    }

    static ComplianceService.Pending pending(Placement p) {
        return new ComplianceService.Pending(
                p.id, p.studentId, p.firmId, p.position, p.type.kind(), p.startDate, p.endDate);
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
        placement.agreementRef = Text.blankToNull(request.agreementRef());
        placement.agreementSignedOn = request.agreementSignedOn();
        placement.guardianConsentOn = request.guardianConsentOn();
        placement.insurancePolicyNo = Text.blankToNull(request.insurancePolicyNo());
        placement.insurer = Text.blankToNull(request.insurer());
        placement.insuranceFrom = request.insuranceFrom();
        placement.insuranceTo = request.insuranceTo();
        placement.insurancePaidBy = request.insurancePaidBy();
        placement.monthlyPay = twoPlaces(request.monthlyPay());
        placement.postWage = twoPlaces(request.postWage());
        placement.payPeriod = request.payPeriod();
        placement.dailyHours = twoPlaces(request.dailyHours());
        placement.nightWork = Boolean.TRUE.equals(request.nightWork());
        placement.overtime = Boolean.TRUE.equals(request.overtime());
        placement.restDayWork = Boolean.TRUE.equals(request.restDayWork());
        placement.workExceptionFiling = Text.blankToNull(request.workExceptionFiling());
    }
}
