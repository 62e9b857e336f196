package org.placementtracker.orderclass;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.envers.RevisionType;
import org.placementtracker.common.CursorCodec;
import org.placementtracker.common.FieldError;
import org.placementtracker.common.Listing;
import org.placementtracker.common.MergePatch;
import org.placementtracker.common.Page;
import org.placementtracker.common.PageRequest;
import org.placementtracker.common.Preconditions;
import org.placementtracker.common.ProblemException;
import org.placementtracker.common.SortColumn;
import org.placementtracker.common.Sorts;
import org.placementtracker.common.Text;
import org.placementtracker.firm.Firm;
import org.placementtracker.major.Major;
import org.placementtracker.revision.AuditRevisions;
import org.placementtracker.student.Student;

@ApplicationScoped
public class OrderClassService {

    static final Sorts<OrderClass> SORTS = Sorts.byId((OrderClass o) -> o.id, "name")
            .with("name", new SortColumn<>("e.name", String.class, o -> o.name))
            .with("intakeYear", new SortColumn<>("e.intakeYear", Integer.class, o -> o.intakeYear))
            .with("createdAt", new SortColumn<>("e.createdAt", Instant.class, o -> o.createdAt));

    /** {@code s} is the member's student, fetched with each page (see {@link #members}). */
    static final Sorts<OrderClassMember> MEMBER_SORTS = Sorts.byKey(
                    new SortColumn<OrderClassMember>("e.id.studentId", UUID.class, m -> m.id.studentId), "studentId")
            .withUnique("studentNo", new SortColumn<>("s.studentNo", String.class, m -> m.student.studentNo))
            .with("joinedAt", new SortColumn<>("e.joinedAt", Instant.class, m -> m.joinedAt))
            .byDefault("studentNo");

    /** The audited columns of order_class besides its id (order_class_aud, V4). */
    private static final String AUDITED_COLUMNS = "name, firm_id, major_code, intake_year, quota, programme, status, "
            + "member_count, version, created_at, updated_at";

    /** Filters of the order class list; null means "any". */
    public record Filter(
            UUID firmId,
            String majorCode,
            Integer intakeYear,
            OrderClass.Programme programme,
            OrderClass.Status status,
            String q) {}

    private final EntityManager em;
    private final CursorCodec cursors;
    private final MergePatch mergePatch;
    private final Preconditions preconditions;
    private final AuditRevisions revisions;

    public OrderClassService(
            EntityManager em,
            CursorCodec cursors,
            MergePatch mergePatch,
            Preconditions preconditions,
            AuditRevisions revisions) {
        this.em = em;
        this.revisions = revisions;
        this.cursors = cursors;
        this.mergePatch = mergePatch;
        this.preconditions = preconditions;
    }

    @Transactional
    public OrderClassResponse create(OrderClassRequest request) {
        OrderClass orderClass = new OrderClass();
        orderClass.id = UUID.randomUUID();
        apply(orderClass, request);
        orderClass.persist();
        em.flush();
        return OrderClassResponse.of(orderClass);
    }

    @Transactional
    public OrderClassResponse get(UUID id) {
        return OrderClassResponse.of(visible(id));
    }

    /** The order class, if the caller may see it (a partner's rows are its firm's: PartnerConnections). */
    public OrderClass visible(UUID id) {
        return find(id);
    }

    @Transactional
    public Page<OrderClassResponse> list(Filter filter, String sort, PageRequest page) {
        return Listing.of(OrderClass.class)
                .filter("firmId", filter.firmId(), "e.firmId = :firmId")
                .filter("majorCode", filter.majorCode(), "e.majorCode = :majorCode")
                .filter("intakeYear", filter.intakeYear(), "e.intakeYear = :intakeYear")
                .filter("programme", filter.programme(), "e.programme = :programme")
                .filter("status", filter.status(), "e.status = :status")
                .filter("q", Text.containsPattern(filter.q()), "lower(e.name) like :q escape '!'")
                .page(em, cursors, SORTS.parse(sort), page, OrderClassResponse::of);
    }

    @Transactional
    public OrderClassResponse patch(UUID id, JsonNode patch) {
        OrderClass orderClass = lock(id);
        preconditions.check(orderClass.version);
        OrderClassRequest changed =
                mergePatch.apply(OrderClassResponse.of(orderClass).asRequest(), patch, OrderClassRequest.class);
        if (changed.quota() < orderClass.memberCount) {
            throw ProblemException.conflict(
                    "quota-below-members",
                    "Quota below current members",
                    "The class has " + orderClass.memberCount + " members; the quota cannot be lower");
        }
        OrderClass.Status before = orderClass.status;
        apply(orderClass, changed);
        if (before != orderClass.status) {
            em.createQuery("update OrderClassMember m set m.classOpen = :open where m.id.orderClassId = :id")
                    .setParameter("open", orderClass.status == OrderClass.Status.OPEN)
                    .setParameter("id", id)
                    .executeUpdate();
            recordMembersInHistory(id);
        }
        em.flush();
        return OrderClassResponse.of(orderClass);
    }

    @Transactional
    public void delete(UUID id) {
        OrderClass orderClass = lock(id);
        preconditions.check(orderClass.version);
        long placements = em.createQuery("select count(p) from Placement p where p.orderClassId = :id", Long.class)
                .setParameter("id", id)
                .getSingleResult();
        long rotations = em.createQuery("select count(r) from Rotation r where r.orderClassId = :id", Long.class)
                .setParameter("id", id)
                .getSingleResult();
        if (placements > 0 || rotations > 0 || orderClass.memberCount > 0) {
            throw ProblemException.conflict(
                    "still-referenced",
                    "Order class is in use",
                    "The class has " + orderClass.memberCount + " members, " + rotations + " rotations and "
                            + placements + " placements; close it instead");
        }
        orderClass.delete();
    }

    /**
     * Adds a member. The quota is enforced by one conditional UPDATE in PostgreSQL: it takes the
     * class's row lock, so concurrent enrolments on any number of instances queue there and the
     * one that finds the class full changes nothing.
     */
    @Transactional
    public MemberResponse enrol(UUID orderClassId, MemberRequest request) {
        OrderClass orderClass = find(orderClassId);
        Student student = Student.findById(request.studentId());
        if (student == null) {
            throw ProblemException.invalid("studentId", "no student has id " + request.studentId());
        }
        if (student.status != Student.Status.ENROLLED) {
            throw ProblemException.conflict(
                    "student-not-enrolled",
                    "Student is not enrolled",
                    "Student " + student.studentNo + " is " + student.status);
        }
        if (orderClass.status != OrderClass.Status.OPEN) {
            throw ProblemException.conflict(
                    "order-class-closed",
                    "Order class is closed",
                    "Order class " + orderClass.name + " is closed to new members");
        }
        if (OrderClassMember.findById(new OrderClassMember.Key(orderClassId, student.id)) != null) {
            throw ProblemException.conflict(
                    "already-member",
                    "Already a member",
                    "Student " + student.studentNo + " is already in this order class");
        }
        if (OrderClassMember.count("id.studentId = ?1 and classOpen = true", student.id) > 0) {
            throw ProblemException.conflict(
                    "already-in-open-order-class",
                    "Student already in an open order class",
                    "Student " + student.studentNo + " is already in another open order class");
        }
        int admitted = em.createQuery("update versioned OrderClass o set o.memberCount = o.memberCount + 1 "
                        + "where o.id = :id and o.memberCount < o.quota and o.status = :open")
                .setParameter("id", orderClassId)
                .setParameter("open", OrderClass.Status.OPEN)
                .executeUpdate();
        if (admitted == 0) {
            throw ProblemException.conflict(
                    "order-class-full",
                    "Order class is full",
                    "Order class " + orderClass.name + " has reached its quota of " + orderClass.quota);
        }
        recordInHistory(orderClassId);
        OrderClassMember member = new OrderClassMember();
        member.id = new OrderClassMember.Key(orderClassId, student.id);
        member.classOpen = true;
        member.joinedAt = Instant.now();
        member.student = student;
        member.persist();
        em.flush();
        return MemberResponse.of(member);
    }

    @Transactional
    public Page<MemberResponse> members(UUID orderClassId, String sort, PageRequest page) {
        find(orderClassId);
        return Listing.of(OrderClassMember.class)
                .join("join fetch e.student s")
                .filter("orderClassId", orderClassId, "e.id.orderClassId = :orderClassId")
                .page(em, cursors, MEMBER_SORTS.parse(sort), page, MemberResponse::of);
    }

    @Transactional
    public MemberResponse member(UUID orderClassId, UUID studentId) {
        find(orderClassId);
        OrderClassMember member = OrderClassMember.findById(new OrderClassMember.Key(orderClassId, studentId));
        if (member == null) {
            throw ProblemException.notFound("Member", studentId);
        }
        return MemberResponse.of(member);
    }

    @Transactional
    public void remove(UUID orderClassId, UUID studentId) {
        find(orderClassId);
        OrderClassMember member = OrderClassMember.findById(new OrderClassMember.Key(orderClassId, studentId));
        if (member == null) {
            throw ProblemException.notFound("Member", studentId);
        }
        member.delete();
        em.createQuery("update versioned OrderClass o set o.memberCount = o.memberCount - 1 where o.id = :id")
                .setParameter("id", orderClassId)
                .executeUpdate();
        recordInHistory(orderClassId);
    }

    /** Ids of the current members, for dispatching a rotation. */
    public List<UUID> memberIds(UUID orderClassId) {
        return em.createQuery("select m.id.studentId from OrderClassMember m where m.id.orderClassId = :id", UUID.class)
                .setParameter("id", orderClassId)
                .getResultList();
    }

    /**
     * Writes the class's row, as this transaction's UPDATE left it, into its history. The member
     * count changes only by an UPDATE statement in PostgreSQL (one conditional UPDATE is what holds
     * the quota under concurrency), and Envers records only changes made through entities. Copying
     * the row in the same transaction, under the row lock that UPDATE holds, records exactly the
     * stored state and version, adds no second UPDATE or version, and is kept only if the change
     * commits. The columns are those of order_class_aud. The transaction must not also change the
     * class through its entity: Envers would then add a second row for the same revision.
     */
    private void recordInHistory(UUID orderClassId) {
        em.createNativeQuery("insert into order_class_aud (id, rev, revtype, " + AUDITED_COLUMNS + ") "
                        + "select id, :rev, :modified, " + AUDITED_COLUMNS + " from order_class where id = :id")
                .setParameter("rev", revisions.current())
                .setParameter("modified", RevisionType.MOD.getRepresentation())
                .setParameter("id", orderClassId)
                .executeUpdate();
    }

    /** The same for the members' rows, whose classOpen follows the class's status by an UPDATE statement. */
    private void recordMembersInHistory(UUID orderClassId) {
        em.createNativeQuery(
                        "insert into order_class_member_aud (order_class_id, student_id, rev, revtype, class_open, "
                                + "joined_at) select order_class_id, student_id, :rev, :modified, class_open, joined_at "
                                + "from order_class_member where order_class_id = :id")
                .setParameter("rev", revisions.current())
                .setParameter("modified", RevisionType.MOD.getRepresentation())
                .setParameter("id", orderClassId)
                .executeUpdate();
    }

    /** The order class with this id, or a 404 problem. */
    public static OrderClass find(UUID id) {
        OrderClass orderClass = OrderClass.findById(id);
        if (orderClass == null) {
            throw ProblemException.notFound("Order class", id);
        }
        return orderClass;
    }

    /** The class's row, locked until the transaction ends (rotations of one class are checked one at a time). */
    public OrderClass lock(UUID id) {
        OrderClass orderClass = em.find(OrderClass.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (orderClass == null) {
            throw ProblemException.notFound("Order class", id);
        }
        return orderClass;
    }

    private static void apply(OrderClass orderClass, OrderClassRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (Firm.findById(request.firmId()) == null) {
            errors.add(new FieldError("firmId", "no firm has id " + request.firmId()));
        }
        if (Major.findById(request.majorCode()) == null) {
            errors.add(new FieldError("majorCode", "no major has code " + request.majorCode()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        orderClass.name = request.name().trim();
        orderClass.firmId = request.firmId();
        orderClass.majorCode = request.majorCode();
        orderClass.intakeYear = request.intakeYear();
        orderClass.quota = request.quota();
        orderClass.programme = request.programme();
        orderClass.status = request.status() == null ? OrderClass.Status.OPEN : request.status();
    }
}
