package org.placementtracker.placement;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.envers.Audited;
import org.placementtracker.common.VersionedEntity;

/** One student at one firm for one period: the unit that reports count. */
@Entity
@Audited
public class Placement extends VersionedEntity {

    @Schema(name = "PlacementType")
    public enum Type {
        COGNITIVE,
        FOLLOW_POST,
        POST_INTERNSHIP,
        WORK_STUDY,
        APPRENTICESHIP
    }

    @Schema(name = "PlacementStatus")
    public enum Status {
        PLANNED,
        ACTIVE,
        COMPLETED,
        TERMINATED,
        CANCELLED;

        private static final Map<Status, Set<Status>> NEXT = Map.of(
                PLANNED, Set.of(ACTIVE, TERMINATED, CANCELLED),
                ACTIVE, Set.of(COMPLETED, TERMINATED),
                COMPLETED, Set.of(),
                TERMINATED, Set.of(),
                CANCELLED, Set.of());

        public boolean canMoveTo(Status target) {
            return NEXT.get(this).contains(target);
        }
    }

    @Id
    public UUID id;

    public UUID studentId;

    public UUID firmId;

    @Enumerated(EnumType.STRING)
    public Type type;

    public UUID orderClassId;

    public UUID rotationId;

    public String position;

    public LocalDate startDate;

    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String statusReason;

    /** The importing client's own key for this placement, unique within its firm when present. */
    public String externalRef;
}
