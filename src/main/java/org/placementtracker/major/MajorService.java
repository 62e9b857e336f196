package org.placementtracker.major;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.placementtracker.common.CursorCodec;
import org.placementtracker.common.Listing;
import org.placementtracker.common.MergePatch;
import org.placementtracker.common.Page;
import org.placementtracker.common.PageRequest;
import org.placementtracker.common.Preconditions;
import org.placementtracker.common.ProblemException;
import org.placementtracker.common.SortColumn;
import org.placementtracker.common.Sorts;
import org.placementtracker.common.Text;

@ApplicationScoped
public class MajorService {

    static final Sorts<Major> SORTS = Sorts.byKey(new SortColumn<Major>("e.code", String.class, m -> m.code), "code")
            .with("name", new SortColumn<>("e.name", String.class, m -> m.name));

    private final EntityManager em;
    private final CursorCodec cursors;
    private final MergePatch mergePatch;
    private final Preconditions preconditions;

    public MajorService(EntityManager em, CursorCodec cursors, MergePatch mergePatch, Preconditions preconditions) {
        this.em = em;
        this.cursors = cursors;
        this.mergePatch = mergePatch;
        this.preconditions = preconditions;
    }

    @Transactional
    public MajorResponse create(MajorRequest request) {
        if (Major.findById(request.code()) != null) {
            throw ProblemException.conflict(
                    "duplicate-major",
                    "Major already exists",
                    "A major with code " + request.code() + " already exists");
        }
        Major major = new Major();
        major.code = request.code();
        apply(major, request);
        major.persist();
        return MajorResponse.of(major);
    }

    @Transactional
    public MajorResponse get(String code) {
        return MajorResponse.of(find(code));
    }

    @Transactional
    public Page<MajorResponse> list(String q, String sort, PageRequest page) {
        return Listing.of(Major.class)
                .filter(
                        "q",
                        Text.containsPattern(q),
                        "(lower(e.name) like :q escape '!' or lower(e.code) like :q escape '!')")
                .page(em, cursors, SORTS.parse(sort), page, MajorResponse::of);
    }

    @Transactional
    public MajorResponse patch(String code, JsonNode patch) {
        Major major = find(code);
        preconditions.check(major.version);
        MajorRequest changed = mergePatch.apply(MajorResponse.of(major).asRequest(), patch, MajorRequest.class);
        if (!changed.code().equals(major.code)) {
            throw ProblemException.invalid("code", "cannot be changed; create a new major instead");
        }
        apply(major, changed);
        em.flush();
        return MajorResponse.of(major);
    }

    @Transactional
    public void delete(String code) {
        Major major = find(code);
        preconditions.check(major.version);
        long students = em.createQuery("select count(s) from Student s where s.majorCode = :code", Long.class)
                .setParameter("code", code)
                .getSingleResult();
        long classes = em.createQuery("select count(o) from OrderClass o where o.majorCode = :code", Long.class)
                .setParameter("code", code)
                .getSingleResult();
        if (students > 0 || classes > 0) {
            throw ProblemException.conflict(
                    "still-referenced",
                    "Major is in use",
                    "Major " + code + " is used by " + students + " students and " + classes + " order classes");
        }
        major.delete();
    }

    /** The major with this code, or a 404 problem. */
    public static Major find(String code) {
        Major major = Major.findById(code);
        if (major == null) {
            throw ProblemException.notFound("Major", code);
        }
        return major;
    }

    private static void apply(Major major, MajorRequest request) {
        major.name = request.name().trim();
        major.majorGroup = request.group() == null || request.group().isBlank()
                ? null
                : request.group().trim();
    }
}
