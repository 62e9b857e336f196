package org.placementtracker.revision;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.UUID;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/** One audited transaction: when, and who (credential name and role). */
@Entity
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    public long id;

    @RevisionTimestamp
    public long revisionTime;

    public String actor;

    public String actorRole;

    /** The firm of a partner who made the revision; null for staff and the system. */
    public UUID actorFirmId;
}
