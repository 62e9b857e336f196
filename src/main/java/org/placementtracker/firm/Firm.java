package org.placementtracker.firm;

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
public class Firm extends VersionedEntity {

    @Schema(name = "FirmStatus")
    public enum Status {
        ACTIVE,
        INACTIVE
    }

    @Id
    public UUID id;

    public String name;

    public String creditCode;

    public String industry;

    public String district;

    public String address;

    public String contactName;

    public String contactPhone;

    public int headcount;

    @Enumerated(EnumType.STRING)
    public Status status;
}
