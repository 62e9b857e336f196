package org.placementtracker.revision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.envers.AuditReaderFactory;

/**
 * The revision of the running transaction, for history rows that a service writes itself: Envers
 * records changes made through entities, not those made by an UPDATE statement. Rows written
 * with this number belong to the same revision (same actor, same time) as the ones Envers adds
 * for the transaction's entity changes.
 */
@ApplicationScoped
public class AuditRevisions {

    private final EntityManager em;

    public AuditRevisions(EntityManager em) {
        this.em = em;
    }

    /** The transaction's revision number; the revision is stored (stamped with the caller) if it is not yet. */
    public long current() {
        return AuditReaderFactory.get(em).getCurrentRevision(AuditRevision.class, true).id;
    }
}
