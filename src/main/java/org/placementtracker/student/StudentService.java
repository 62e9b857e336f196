package org.placementtracker.student;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;
import org.placementtracker.common.CursorCodec;
import org.placementtracker.common.FieldError;
import org.placementtracker.common.IdNumber;
import org.placementtracker.common.Listing;
import org.placementtracker.common.MergePatch;
import org.placementtracker.common.Page;
import org.placementtracker.common.PageRequest;
import org.placementtracker.common.Preconditions;
import org.placementtracker.common.ProblemException;
import org.placementtracker.common.SortColumn;
import org.placementtracker.common.Sorts;
import org.placementtracker.common.Text;
import org.placementtracker.common.Upserted;
import org.placementtracker.major.Major;
import org.placementtracker.security.CurrentCaller;
import org.placementtracker.security.PersonalDataCipher;
import org.placementtracker.security.Role;

@ApplicationScoped
public class StudentService {

    static final Sorts<Student> SORTS = Sorts.byId((Student s) -> s.id, "studentNo")
            .withUnique("studentNo", new SortColumn<>("e.studentNo", String.class, s -> s.studentNo))
            .with("name", new SortColumn<>("e.name", String.class, s -> s.name))
            .with("cohortYear", new SortColumn<>("e.cohortYear", Integer.class, s -> s.cohortYear))
            .with("createdAt", new SortColumn<>("e.createdAt", Instant.class, s -> s.createdAt));

    /** Filters of the student list; null means "any". */
    public record Filter(String majorCode, Integer cohortYear, Student.Status status, String q) {}

    private final EntityManager em;
    private final CursorCodec cursors;
    private final MergePatch mergePatch;
    private final Preconditions preconditions;
    private final PersonalDataCipher cipher;
    private final CurrentCaller caller;

    public StudentService(
            EntityManager em,
            CursorCodec cursors,
            MergePatch mergePatch,
            Preconditions preconditions,
            PersonalDataCipher cipher,
            CurrentCaller caller) {
        this.em = em;
        this.cursors = cursors;
        this.mergePatch = mergePatch;
        this.preconditions = preconditions;
        this.cipher = cipher;
        this.caller = caller;
    }

    @Transactional
    public StudentResponse create(StudentRequest request) {
        return StudentResponse.of(insert(request));
    }

    /**
     * Creates the student, or updates the one whose externalRef the request repeats, so that a
     * re-sent import changes nothing twice. Deliberately not transactional: a batch runs many rows
     * in one transaction, and a rejected row must not mark that transaction rollback-only.
     */
    public Upserted upsert(StudentRequest request) {
        String ref = Text.blankToNull(request.externalRef());
        Student existing =
                ref == null ? null : Student.<Student>find("externalRef", ref).firstResult();
        if (existing == null) {
            return new Upserted(insert(request).id, true);
        }
        apply(existing, request);
        em.flush();
        return new Upserted(existing.id, false);
    }

    /**
     * Imports rows in the caller's transaction, one after another (see {@link #upsert}). Each
     * row's checks query the database, and before every query the persistence context is checked
     * for changes to flush: emptying it after each row keeps that from growing with the batch.
     */
    public Function<StudentRequest, Upserted> importer(List<StudentRequest> rows) {
        return request -> {
            try {
                return upsert(request);
            } finally {
                em.clear();
            }
        };
    }

    /** One import row in a transaction of its own, for imports that keep the good rows. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Upserted upsertAlone(StudentRequest request) {
        return upsert(request);
    }

    private Student insert(StudentRequest request) {
        Student student = new Student();
        student.id = UUID.randomUUID();
        apply(student, request);
        student.persist();
        em.flush();
        return student;
    }

    @Transactional
    public StudentResponse get(UUID id) {
        return view(visible(id));
    }

    /** The full ID number, for admins only; every reveal is recorded in the audit history. */
    @Transactional
    public StudentResponse reveal(UUID id) {
        if (!caller.required().is(Role.ADMIN)) {
            throw new ProblemException(403, "forbidden", "Not allowed", "Only an ADMIN may reveal an ID number");
        }
        Student student = find(id);
        IdNumberReveal reveal = new IdNumberReveal();
        reveal.id = UUID.randomUUID();
        reveal.studentId = id;
        reveal.revealedAt = Instant.now();
        reveal.persist();
        return StudentResponse.withIdNumber(
                student, student.idNumberCipher == null ? null : cipher.decrypt(student.idNumberCipher));
    }

    @Transactional
    public Page<StudentResponse> list(Filter filter, String sort, PageRequest page) {
        return Listing.of(Student.class)
                .filter("majorCode", filter.majorCode(), "e.majorCode = :majorCode")
                .filter("cohortYear", filter.cohortYear(), "e.cohortYear = :cohortYear")
                .filter("status", filter.status(), "e.status = :status")
                .filter(
                        "q",
                        Text.containsPattern(filter.q()),
                        "(lower(e.name) like :q escape '!' or lower(e.studentNo) like :q escape '!')")
                .page(em, cursors, SORTS.parse(sort), page, this::view);
    }

    @Transactional
    public StudentResponse patch(UUID id, JsonNode patch) {
        Student student = find(id);
        preconditions.check(student.version);
        StudentRequest changed = mergePatch.apply(asRequest(student), patch, StudentRequest.class);
        apply(student, changed);
        em.flush();
        return view(student);
    }

    @Transactional
    public void delete(UUID id) {
        Student student = find(id);
        preconditions.check(student.version);
        long placements = count("select count(p) from Placement p where p.studentId = :id", id);
        long memberships = count("select count(m) from OrderClassMember m where m.id.studentId = :id", id);
        if (placements > 0 || memberships > 0) {
            throw ProblemException.conflict(
                    "still-referenced",
                    "Student is in use",
                    "Student " + student.studentNo + " has " + placements + " placements and " + memberships
                            + " order class memberships; set the status to WITHDRAWN or GRADUATED instead");
        }
        student.delete();
    }

    private StudentResponse view(Student student) {
        return caller.partnerFirm() == null ? StudentResponse.of(student) : StudentResponse.forPartner(student);
    }

    /** The student, if the caller may see it (a partner: students placed at its firm; PartnerConnections). */
    private Student visible(UUID id) {
        return find(id);
    }

    /** The student with this id, or a 404 problem. */
    public static Student find(UUID id) {
        Student student = Student.findById(id);
        if (student == null) {
            throw ProblemException.notFound("Student", id);
        }
        return student;
    }

    /**
     * Locks the students' rows until the transaction ends, in one statement and in id order. Every
     * operation that locks several students goes through here (a rotation's dispatch, a placement
     * batch): two that locked shared students in different orders could each wait for the other,
     * until PostgreSQL ended one of them as a deadlock. FOR NO KEY UPDATE, the lock Hibernate takes
     * for one student (PESSIMISTIC_WRITE), so that rows which only reference a student (a new
     * membership, a placement) can still be written meanwhile.
     */
    public static void lockInIdOrder(EntityManager em, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "select id from student where id = any(?) order by id for no key update")) {
                lock.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                lock.execute();
            }
        });
    }

    private long count(String hql, UUID id) {
        return em.createQuery(hql, Long.class).setParameter("id", id).getSingleResult();
    }

    private StudentRequest asRequest(Student s) {
        return new StudentRequest(
                s.studentNo,
                s.name,
                s.gender,
                s.birthDate,
                s.idNumberCipher == null ? null : cipher.decrypt(s.idNumberCipher),
                s.phone,
                s.majorCode,
                s.cohortYear,
                s.className,
                s.status,
                s.externalRef);
    }

    private void apply(Student student, StudentRequest request) {
        // ID numbers are personal data: checked here, then kept only encrypted and as a keyed hash.
        List<FieldError> errors = new ArrayList<>();
        if (Major.findById(request.majorCode()) == null) {
            errors.add(new FieldError("majorCode", "no major has code " + request.majorCode()));
        }
        String idNumber = Text.blankToNull(request.idNumber());
        if (idNumber != null) {
            idNumber = idNumber.toUpperCase();
            if (!IdNumber.birthDate(idNumber)
                    .map(d -> d.equals(request.birthDate()))
                    .orElse(false)) {
                errors.add(new FieldError("idNumber", "does not match birthDate"));
            }
            if (IdNumber.isMale(idNumber) != (request.gender() == Student.Gender.MALE)) {
                errors.add(new FieldError("idNumber", "does not match gender"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!request.studentNo().equals(student.studentNo) && Student.count("studentNo", request.studentNo()) > 0) {
            throw ProblemException.conflict(
                    "duplicate-student-no",
                    "Student number already used",
                    "Another student has student number " + request.studentNo());
        }
        String idNumberHash = idNumber == null ? null : cipher.lookupHash(idNumber);
        if (idNumberHash != null
                && !idNumberHash.equals(student.idNumberHash)
                && Student.count("idNumberHash", idNumberHash) > 0) {
            throw ProblemException.conflict(
                    "duplicate-id-number", "ID number already used", "Another student has this ID number");
        }
        student.studentNo = request.studentNo();
        student.name = request.name().trim();
        student.gender = request.gender();
        student.birthDate = request.birthDate();
        if (idNumberHash == null) {
            student.idNumberCipher = null;
            student.idNumberLast4 = null;
        } else if (!idNumberHash.equals(student.idNumberHash)) {
            student.idNumberCipher = cipher.encrypt(idNumber);
            student.idNumberLast4 = idNumber.substring(idNumber.length() - 4);
        }
        student.idNumberHash = idNumberHash;
        student.phone = Text.blankToNull(request.phone());
        student.majorCode = request.majorCode();
        student.cohortYear = request.cohortYear();
        student.className = Text.blankToNull(request.className());
        student.status = request.status() == null ? Student.Status.ENROLLED : request.status();
        student.externalRef = Text.blankToNull(request.externalRef());
    }
}
