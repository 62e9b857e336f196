package org.placementtracker.rotation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.envers.Audited;
import org.placementtracker.common.VersionedEntity;

/** One period when an order class's students work at the firm (工学交替). */
@Entity
@Audited
public class Rotation extends VersionedEntity {

    @Schema(name = "RotationStatus")
    public enum Status {
        PLANNED,
        IN_PROGRESS,
        COMPLETED,
        CANCELLED
    }

    @Id
    public UUID id;

    public UUID orderClassId;

    public UUID firmId;

    public String site;

    public LocalDate startDate;

    public LocalDate endDate;

    public String mentorName;

    @Enumerated(EnumType.STRING)
    public Status status;
}
