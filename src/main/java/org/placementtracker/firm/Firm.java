package org.placementtracker.firm;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;
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

    /** Posts and their staff, for the 20% intern rule; a placement's position names one. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<FirmPost> posts = List.of();

    /** A labour intermediary or paid agent: interns may not be placed through one. */
    public boolean labourIntermediary;

    /** An entertainment venue (bar, club, karaoke, bath centre, game hall, internet café). */
    public boolean prohibitedVenue;

    /** The post of this name, or null. */
    public FirmPost post(String name) {
        return name == null
                ? null
                : posts.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
