package org.placementtracker.orderclass;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.envers.Audited;
import org.placementtracker.common.VersionedEntity;

@Entity
@Audited
public class OrderClass extends VersionedEntity {

    @Schema(name = "OrderClassProgramme")
    public enum Programme {
        ORDER_CLASS,
        DUAL_SYSTEM,
        MODERN_APPRENTICESHIP
    }

    @Schema(name = "OrderClassStatus")
    public enum Status {
        OPEN,
        CLOSED
    }

    @Id
    public UUID id;

    public String name;

    public UUID firmId;

    public String majorCode;

    public int intakeYear;

    public int quota;

    @Enumerated(EnumType.STRING)
    public Programme programme;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Kept by the database-side conditional update in {@link OrderClassService#enrol}, never by Java arithmetic. */
    public int memberCount;
}
