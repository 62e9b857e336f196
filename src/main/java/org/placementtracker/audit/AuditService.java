package org.placementtracker.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.envers.query.AuditQuery;
import org.hibernate.envers.query.criteria.AuditCriterion;
import org.hibernate.persister.entity.EntityPersister;
import org.placementtracker.common.CursorCodec;
import org.placementtracker.common.EntityType;
import org.placementtracker.common.Ids;
import org.placementtracker.common.Page;
import org.placementtracker.common.PageRequest;
import org.placementtracker.common.ProblemException;
import org.placementtracker.compliance.ComplianceBreach;
import org.placementtracker.firm.Firm;
import org.placementtracker.major.Major;
import org.placementtracker.orderclass.OrderClass;
import org.placementtracker.orderclass.OrderClassMember;
import org.placementtracker.placement.Placement;
import org.placementtracker.placement.Timesheet;
import org.placementtracker.revision.AuditRevision;
import org.placementtracker.rotation.Rotation;
import org.placementtracker.security.ApiKey;
import org.placementtracker.student.IdNumberReveal;
import org.placementtracker.student.Student;

/** Reads an entity's history from the audit tables, newest first, with what each change did. */
@ApplicationScoped
public class AuditService {

    /** The entity types whose history can be read, by the name clients use. */
    static final Map<EntityType, Class<?>> TYPES = Map.ofEntries(
            Map.entry(EntityType.MAJOR, Major.class),
            Map.entry(EntityType.STUDENT, Student.class),
            Map.entry(EntityType.FIRM, Firm.class),
            Map.entry(EntityType.ORDER_CLASS, OrderClass.class),
            Map.entry(EntityType.ORDER_CLASS_MEMBER, OrderClassMember.class),
            Map.entry(EntityType.ROTATION, Rotation.class),
            Map.entry(EntityType.PLACEMENT, Placement.class),
            Map.entry(EntityType.TIMESHEET, Timesheet.class),
            Map.entry(EntityType.COMPLIANCE_BREACH, ComplianceBreach.class),
            Map.entry(EntityType.API_KEY, ApiKey.class));

    /** Bookkeeping that changes with every write and tells a reader nothing. */
    private static final Set<String> NOISE = Set.of("version", "updatedAt");

    /** Never shown, not even to admins: the ID number's ciphertext and keyed hash, an API key's hash. */
    private static final Set<String> HIDDEN = Set.of("idNumberCipher", "idNumberHash", "keyHash");

    private record Revision(long number, Instant at, String actor, String role, RevisionType type, Object state) {}

    private final EntityManager em;
    private final CursorCodec cursors;

    public AuditService(EntityManager em, CursorCodec cursors) {
        this.em = em;
        this.cursors = cursors;
    }

    @Transactional
    public Page<AuditEntry> history(EntityType entityType, String entityId, PageRequest page) {
        Class<?> type = TYPES.get(entityType);
        Object id = identifier(type, entityId);
        String scope = "audit?" + entityType.apiName() + "=" + entityId;
        Long olderThan = page.cursor() == null
                ? null
                : Long.valueOf(cursors.decode(scope, page.cursor()).get(0));

        List<Revision> states = revisions(type, AuditEntity.id().eq(id), olderThan, page.limit() + 2);
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            Revision r = states.get(i);
            Object before = i + 1 < states.size() ? states.get(i + 1).state() : null;
            entries.add(entry(r, before));
        }
        if (type == Student.class) {
            revisions(IdNumberReveal.class, AuditEntity.property("studentId").eq(id), olderThan, page.limit() + 1)
                    .forEach(r ->
                            entries.add(new AuditEntry(r.number(), r.at(), r.actor(), r.role(), "REVEAL", List.of())));
        }
        entries.sort(Comparator.comparingLong(AuditEntry::revision).reversed());
        boolean more = entries.size() > page.limit();
        List<AuditEntry> shown = more ? entries.subList(0, page.limit()) : entries;
        String next = more
                ? cursors.encode(
                        scope, List.of(Long.toString(shown.get(shown.size() - 1).revision())))
                : null;
        return new Page<>(List.copyOf(shown), next);
    }

    /** A major's code, a member's "orderClassId/studentId" (as in the change feed), or else a UUID. */
    private static Object identifier(Class<?> type, String entityId) {
        if (type == Major.class) {
            return entityId;
        }
        if (type == OrderClassMember.class) {
            String[] parts = entityId.split("/", -1);
            Optional<UUID> orderClass = parts.length == 2 ? Ids.parse(parts[0]) : Optional.empty();
            Optional<UUID> student = parts.length == 2 ? Ids.parse(parts[1]) : Optional.empty();
            if (orderClass.isEmpty() || student.isEmpty()) {
                throw ProblemException.invalidQuery("entityId", "must be orderClassId/studentId");
            }
            return new OrderClassMember.Key(orderClass.get(), student.get());
        }
        return Ids.parse(entityId).orElseThrow(() -> ProblemException.invalidQuery("entityId", "must be an id"));
    }

    @SuppressWarnings("unchecked")
    private List<Revision> revisions(Class<?> type, AuditCriterion which, Long olderThan, int max) {
        AuditQuery query = AuditReaderFactory.get(em)
                .createQuery()
                .forRevisionsOfEntity(type, false, true)
                .add(which)
                .addOrder(AuditEntity.revisionNumber().desc())
                .setMaxResults(max);
        if (olderThan != null) {
            query.add(AuditEntity.revisionNumber().lt(olderThan));
        }
        List<Revision> revisions = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            AuditRevision revision = (AuditRevision) row[1];
            revisions.add(new Revision(
                    revision.id,
                    Instant.ofEpochMilli(revision.revisionTime),
                    revision.actor,
                    revision.actorRole,
                    (RevisionType) row[2],
                    row[0]));
        }
        return revisions;
    }

    private AuditEntry entry(Revision r, Object before) {
        Map<String, Object> old = r.type() == RevisionType.ADD ? Map.of() : fields(before);
        Map<String, Object> now = r.type() == RevisionType.DEL ? Map.of() : fields(r.state());
        List<AuditEntry.Change> changes = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(now.keySet());
        names.addAll(old.keySet());
        for (String name : names) {
            if (!NOISE.contains(name) && !Objects.equals(old.get(name), now.get(name))) {
                changes.add(new AuditEntry.Change(name, old.get(name), now.get(name)));
            }
        }
        String operation = switch (r.type()) {
            case ADD -> "CREATE";
            case DEL -> "DELETE";
            case MOD -> changes.stream().anyMatch(c -> c.field().equals("status")) ? "STATUS_CHANGE" : "UPDATE";
        };
        return new AuditEntry(r.number(), r.at(), r.actor(), r.role(), operation, changes);
    }

    /**
     * The audited attributes of an entity as plain values, read through Hibernate's own metamodel
     * (entities are bytecode-enhanced, so their fields cannot be trusted to hold the values).
     */
    private Map<String, Object> fields(Object entity) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (entity == null) {
            return values;
        }
        EntityPersister persister = em.getEntityManagerFactory()
                .unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel()
                .getEntityDescriptor(entity.getClass());
        values.put(
                persister.getIdentifierPropertyName(),
                plain(persister.getIdentifier(entity, (SharedSessionContractImplementor) null)));
        String[] names = persister.getPropertyNames();
        Object[] state = persister.getValues(entity);
        for (int i = 0; i < names.length; i++) {
            if (!HIDDEN.contains(names[i])) {
                values.put(names[i], plain(state[i]));
            }
        }
        return values;
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof UUID || value instanceof Enum<?> || value instanceof Temporal) {
            return value.toString();
        }
        return String.valueOf(value);
    }
}
