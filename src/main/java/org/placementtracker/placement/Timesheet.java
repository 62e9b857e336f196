package org.placementtracker.placement;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.placementtracker.common.VersionedEntity;

/** One week of a placement's hours, as the firm's HR system reports them. */
@Entity
@Audited
public class Timesheet extends VersionedEntity {

    @Id
    public UUID id;

    public UUID placementId;

    public UUID firmId;

    public UUID studentId;

    /** The Monday the week starts on. */
    public LocalDate weekStart;

    public BigDecimal monday;

    public BigDecimal tuesday;

    public BigDecimal wednesday;

    public BigDecimal thursday;

    public BigDecimal friday;

    public BigDecimal saturday;

    public BigDecimal sunday;

    public BigDecimal nightHours;

    public BigDecimal overtimeHours;

    public BigDecimal restDayHours;

    List<BigDecimal> days() {
        return List.of(monday, tuesday, wednesday, thursday, friday, saturday, sunday);
    }
}
