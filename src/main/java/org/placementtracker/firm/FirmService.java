package org.placementtracker.firm;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
public class FirmService {

    static final Sorts<Firm> SORTS = Sorts.byId((Firm f) -> f.id, "name")
            .withUnique("name", new SortColumn<>("e.name", String.class, f -> f.name))
            .with("createdAt", new SortColumn<>("e.createdAt", Instant.class, f -> f.createdAt));

    /** Filters of the firm list; null means "any". */
    public record Filter(String q, String industry, Firm.Status status) {}

    private final EntityManager em;
    private final CursorCodec cursors;
    private final MergePatch mergePatch;
    private final Event<FirmRulesChanged> rulesChanged;
    private final Preconditions preconditions;

    public FirmService(
            EntityManager em,
            CursorCodec cursors,
            MergePatch mergePatch,
            Preconditions preconditions,
            Event<FirmRulesChanged> rulesChanged) {
        this.rulesChanged = rulesChanged;
        this.em = em;
        this.cursors = cursors;
        this.mergePatch = mergePatch;
        this.preconditions = preconditions;
    }

    @Transactional
    public FirmResponse create(FirmRequest request) {
        Firm firm = new Firm();
        firm.id = UUID.randomUUID();
        apply(firm, request);
        firm.persist();
        em.flush();
        return FirmResponse.of(firm);
    }

    @Transactional
    public FirmResponse get(UUID id) {
        Firm firm = find(id);
        return FirmResponse.of(firm);
    }

    @Transactional
    public Page<FirmResponse> list(Filter filter, String sort, PageRequest page) {
        return Listing.of(Firm.class)
                .filter(
                        "q",
                        Text.containsPattern(filter.q()),
                        "(lower(e.name) like :q escape '!' or lower(e.creditCode) like :q escape '!')")
                .filter("industry", filter.industry(), "e.industry = :industry")
                .filter("status", filter.status(), "e.status = :status")
                .page(em, cursors, SORTS.parse(sort), page, FirmResponse::of);
    }

    @Transactional
    public FirmResponse patch(UUID id, JsonNode patch) {
        Firm firm = find(id);
        preconditions.check(firm.version);
        FirmRequest changed = mergePatch.apply(asRequest(firm), patch, FirmRequest.class);
        List<Object> rulesRead = rulesRead(firm);
        apply(firm, changed);
        if (!rulesRead.equals(rulesRead(firm))) {
            rulesChanged.fire(new FirmRulesChanged(firm.id));
        }
        em.flush();
        return FirmResponse.of(firm);
    }

    @Transactional
    public void delete(UUID id) {
        Firm firm = find(id);
        preconditions.check(firm.version);
        long placements = em.createQuery("select count(p) from Placement p where p.firmId = :id", Long.class)
                .setParameter("id", id)
                .getSingleResult();
        long classes = em.createQuery("select count(o) from OrderClass o where o.firmId = :id", Long.class)
                .setParameter("id", id)
                .getSingleResult();
        if (placements > 0 || classes > 0) {
            throw ProblemException.conflict(
                    "still-referenced",
                    "Firm is in use",
                    "Firm " + firm.name + " has " + placements + " placements and " + classes
                            + " order classes; set its status to INACTIVE instead");
        }
        firm.delete();
    }

    /** The firm with this id, or a 404 problem. */
    public static Firm find(UUID id) {
        Firm firm = Firm.findById(id);
        if (firm == null) {
            throw ProblemException.notFound("Firm", id);
        }
        return firm;
    }

    /** What the internship rules read of a firm. */
    private static List<Object> rulesRead(Firm f) {
        return List.of(f.headcount, f.posts, f.labourIntermediary, f.prohibitedVenue);
    }

    private static FirmRequest asRequest(Firm f) {
        return new FirmRequest(
                f.name,
                f.creditCode,
                f.industry,
                f.district,
                f.address,
                f.contactName,
                f.contactPhone,
                f.headcount,
                f.status,
                f.posts,
                f.labourIntermediary,
                f.prohibitedVenue);
    }

    private static void apply(Firm firm, FirmRequest request) {
        String name = request.name().trim();
        String creditCode = request.creditCode().toUpperCase();
        if (!name.equals(firm.name) && Firm.count("name", name) > 0) {
            throw ProblemException.conflict(
                    "duplicate-firm-name", "Firm name already used", "Another firm is called " + name);
        }
        if (!creditCode.equals(firm.creditCode) && Firm.count("creditCode", creditCode) > 0) {
            throw ProblemException.conflict(
                    "duplicate-credit-code", "Credit code already used", "Another firm has credit code " + creditCode);
        }
        firm.name = name;
        firm.creditCode = creditCode;
        firm.industry = Text.blankToNull(request.industry());
        firm.district = Text.blankToNull(request.district());
        firm.address = Text.blankToNull(request.address());
        firm.contactName = Text.blankToNull(request.contactName());
        firm.contactPhone = Text.blankToNull(request.contactPhone());
        firm.headcount = request.headcount() == null ? 0 : request.headcount();
        firm.status = request.status() == null ? Firm.Status.ACTIVE : request.status();
        List<FirmPost> posts = request.posts() == null
                ? List.of()
                : request.posts().stream().map(FirmPost::normalized).toList();
        if (posts.stream().map(FirmPost::name).distinct().count() < posts.size()) {
            throw ProblemException.invalid("posts", "names a post twice");
        }
        firm.posts = posts;
        firm.labourIntermediary = Boolean.TRUE.equals(request.labourIntermediary());
        firm.prohibitedVenue = Boolean.TRUE.equals(request.prohibitedVenue());
    }
}
