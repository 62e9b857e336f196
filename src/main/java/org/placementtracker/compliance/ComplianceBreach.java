package org.placementtracker.compliance;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.placementtracker.common.VersionedEntity;

/** A rule a placement breaks: open from when it was found until the data no longer breaks it. */
@Entity
@Audited
public class ComplianceBreach extends VersionedEntity {

    @Id
    public UUID id;

    public UUID placementId;

    public UUID firmId;

    public UUID studentId;

    /** The rule's id ({@link Rule#id()}). */
    public String rule;

    @Enumerated(EnumType.STRING)
    public Mode mode;

    @Enumerated(EnumType.STRING)
    public BreachStatus status;

    public String detail;

    /** The placement's first day: the year a breach counts in, as the placement reports count it. */
    public LocalDate placementStart;

    public Instant detectedAt;

    public Instant resolvedAt;
}
