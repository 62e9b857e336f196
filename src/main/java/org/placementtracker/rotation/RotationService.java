package org.placementtracker.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.placementtracker.common.CursorCodec;
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
import org.placementtracker.firm.Firm;
import org.placementtracker.orderclass.OrderClass;
import org.placementtracker.orderclass.OrderClassService;
import org.placementtracker.placement.Placement;
import org.placementtracker.placement.PlacementService;
import org.placementtracker.student.Student;
import org.placementtracker.student.StudentService;

@ApplicationScoped
public class RotationService {

    static final Sorts<Rotation> SORTS = Sorts.byId((Rotation r) -> r.id, "startDate")
            .with("startDate", new SortColumn<>("e.startDate", LocalDate.class, r -> r.startDate));

    private final EntityManager em;
    private final CursorCodec cursors;
    private final MergePatch mergePatch;
    private final Preconditions preconditions;
    private final OrderClassService orderClasses;
    private final PlacementService placements;

    public RotationService(
            EntityManager em,
            CursorCodec cursors,
            MergePatch mergePatch,
            Preconditions preconditions,
            OrderClassService orderClasses,
            PlacementService placements) {
        this.em = em;
        this.cursors = cursors;
        this.mergePatch = mergePatch;
        this.preconditions = preconditions;
        this.orderClasses = orderClasses;
        this.placements = placements;
    }

    @Transactional
    public RotationResponse create(UUID orderClassId, RotationRequest request) {
        // The class's row lock makes "rotations of one class never overlap" one check at a time.
        OrderClass orderClass = orderClasses.lock(orderClassId);
        Rotation rotation = new Rotation();
        rotation.id = UUID.randomUUID();
        rotation.orderClassId = orderClass.id;
        apply(rotation, request, orderClass);
        rotation.persist();
        em.flush();
        return RotationResponse.of(rotation);
    }

    @Transactional
    public Page<RotationResponse> list(UUID orderClassId, String sort, PageRequest page) {
        orderClasses.visible(orderClassId);
        return Listing.of(Rotation.class)
                .filter("orderClassId", orderClassId, "e.orderClassId = :orderClassId")
                .page(em, cursors, SORTS.parse(sort), page, RotationResponse::of);
    }

    @Transactional
    public RotationResponse get(UUID id) {
        Rotation rotation = find(id);
        return RotationResponse.of(rotation);
    }

    @Transactional
    public RotationResponse patch(UUID id, JsonNode patch) {
        Rotation rotation = find(id);
        OrderClass orderClass = orderClasses.lock(rotation.orderClassId);
        preconditions.check(rotation.version);
        RotationRequest changed =
                mergePatch.apply(RotationResponse.of(rotation).asRequest(), patch, RotationRequest.class);
        if (rotation.status == Rotation.Status.CANCELLED && changed.status() != Rotation.Status.CANCELLED) {
            throw ProblemException.conflict(
                    "rotation-cancelled",
                    "Rotation is cancelled",
                    "A cancelled rotation cannot be reopened; create a new one");
        }
        boolean moved = !changed.startDate().equals(rotation.startDate)
                || !changed.endDate().equals(rotation.endDate)
                || (changed.firmId() != null && !changed.firmId().equals(rotation.firmId));
        if (moved && hasLivePlacements(rotation.id)) {
            throw ProblemException.conflict(
                    "rotation-dispatched",
                    "Rotation already dispatched",
                    "Its placements fix the firm and dates; cancel the rotation and create a new one");
        }
        boolean cancelling =
                rotation.status != Rotation.Status.CANCELLED && changed.status() == Rotation.Status.CANCELLED;
        apply(rotation, changed, orderClass);
        if (cancelling) {
            placements.cancelPlannedOfRotation(rotation.id, "rotation cancelled");
        }
        em.flush();
        return RotationResponse.of(rotation);
    }

    /**
     * Creates one WORK_STUDY placement per current member for the rotation's firm and dates.
     * Idempotent: members already dispatched, or busy in that period, are skipped with a reason.
     * The members' facts are read in a few set-based queries and the placements written in one
     * batch, so a class of any size costs the same number of statements.
     */
    @Transactional
    public DispatchResponse dispatch(UUID id) {
        Rotation rotation = find(id);
        orderClasses.lock(rotation.orderClassId);
        if (rotation.status == Rotation.Status.CANCELLED || rotation.status == Rotation.Status.COMPLETED) {
            throw ProblemException.conflict(
                    "rotation-not-dispatchable", "Rotation cannot be dispatched", "The rotation is " + rotation.status);
        }
        Firm firm = Firm.findById(rotation.firmId);
        if (firm.status != Firm.Status.ACTIVE) {
            throw ProblemException.conflict(
                    "firm-inactive",
                    "Firm is not active",
                    "Firm " + firm.name + " is " + firm.status + "; placements need an active firm");
        }
        Period period = new Period(rotation.startDate, rotation.endDate);
        List<UUID> memberIds = orderClasses.memberIds(rotation.orderClassId);
        // Locked before they are read, so each member's status and placements are the current ones.
        StudentService.lockInIdOrder(em, memberIds);
        List<Student> members = memberIds.isEmpty()
                ? List.of()
                : em.createQuery("select s from Student s where s.id in :ids order by s.studentNo", Student.class)
                        .setParameter("ids", memberIds)
                        .getResultList();
        Set<UUID> dispatched = Set.copyOf(em.createQuery(
                        "select p.studentId from Placement p "
                                + "where p.rotationId = :rotation and p.status <> :cancelled",
                        UUID.class)
                .setParameter("rotation", rotation.id)
                .setParameter("cancelled", Placement.Status.CANCELLED)
                .getResultList());
        Map<UUID, Period> busy = placements.firstOverlapping(memberIds, period);
        List<Placement> created = new ArrayList<>();
        List<DispatchResponse.Skipped> skipped = new ArrayList<>();
        for (Student student : members) {
            Optional<String> reason = reasonToSkip(student, dispatched, busy.get(student.id));
            if (reason.isPresent()) {
                skipped.add(new DispatchResponse.Skipped(student.id, reason.get()));
                continue;
            }
            Placement placement = new Placement();
            placement.studentId = student.id;
            placement.firmId = rotation.firmId;
            placement.type = Placement.Type.WORK_STUDY;
            placement.orderClassId = rotation.orderClassId;
            placement.rotationId = rotation.id;
            placement.position = rotation.site;
            placement.startDate = rotation.startDate;
            placement.endDate = rotation.endDate;
            created.add(placements.persistChecked(placement, student, firm, created));
        }
        em.flush();
        return new DispatchResponse(created.stream().map(p -> p.id).toList(), skipped);
    }

    /** The rotation with this id, or a 404 problem. */
    public static Rotation find(UUID id) {
        Rotation rotation = Rotation.findById(id);
        if (rotation == null) {
            throw ProblemException.notFound("Rotation", id);
        }
        return rotation;
    }

    private static Optional<String> reasonToSkip(Student student, Set<UUID> dispatched, Period busy) {
        if (dispatched.contains(student.id)) {
            return Optional.of("already dispatched for this rotation");
        }
        if (student.status != Student.Status.ENROLLED) {
            return Optional.of("student is " + student.status);
        }
        return Optional.ofNullable(busy).map(other -> "already placed from " + other.start() + " to " + other.end());
    }

    private boolean hasLivePlacements(UUID rotationId) {
        return Placement.count("rotationId = ?1 and status <> ?2", rotationId, Placement.Status.CANCELLED) > 0;
    }

    private void apply(Rotation rotation, RotationRequest request, OrderClass orderClass) {
        UUID firmId = request.firmId() == null ? orderClass.firmId : request.firmId();
        if (Firm.findById(firmId) == null) {
            throw ProblemException.invalid("firmId", "no firm has id " + firmId);
        }
        Period period = Period.of(request.startDate(), request.endDate());
        Rotation.Status status = request.status() == null ? Rotation.Status.PLANNED : request.status();
        if (status != Rotation.Status.CANCELLED) {
            em.createQuery(
                            "select r from Rotation r where r.orderClassId = :oc and r.status <> :cancelled "
                                    + "and r.startDate <= :end and r.endDate >= :start and r.id <> :self",
                            Rotation.class)
                    .setParameter("oc", orderClass.id)
                    .setParameter("cancelled", Rotation.Status.CANCELLED)
                    .setParameter("start", period.start())
                    .setParameter("end", period.end())
                    .setParameter("self", rotation.id)
                    .setMaxResults(1)
                    .getResultStream()
                    .findFirst()
                    .ifPresent(other -> {
                        throw ProblemException.conflict(
                                "rotation-overlap",
                                "Rotation overlaps another",
                                "The order class already has a rotation from " + other.startDate + " to "
                                        + other.endDate);
                    });
        }
        rotation.firmId = firmId;
        rotation.site = Text.blankToNull(request.site());
        rotation.startDate = period.start();
        rotation.endDate = period.end();
        rotation.mentorName = Text.blankToNull(request.mentorName());
        rotation.status = status;
    }
}
