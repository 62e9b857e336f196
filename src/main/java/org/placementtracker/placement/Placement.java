package org.placementtracker.placement;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;
import org.placementtracker.common.VersionedEntity;
import org.placementtracker.compliance.ComplianceStatus;
import org.placementtracker.compliance.Kind;
import org.placementtracker.compliance.PayPeriod;
import org.placementtracker.compliance.Payer;

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
        APPRENTICESHIP;

        /** What the internship rules make of the type. */
        public Kind kind() {
            return switch (this) {
                case COGNITIVE -> Kind.OBSERVATION;
                case FOLLOW_POST, POST_INTERNSHIP -> Kind.POST;
                case WORK_STUDY, APPRENTICESHIP -> Kind.WORK;
            };
        }
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

    // What the internship rules read (compliance/Terms).
    public String agreementRef;

    public LocalDate agreementSignedOn;

    public LocalDate guardianConsentOn;

    public String insurancePolicyNo;

    public String insurer;

    public LocalDate insuranceFrom;

    public LocalDate insuranceTo;

    @Enumerated(EnumType.STRING)
    public Payer insurancePaidBy;

    public BigDecimal monthlyPay;

    public BigDecimal postWage;

    @Enumerated(EnumType.STRING)
    public PayPeriod payPeriod;

    public BigDecimal dailyHours;

    public boolean nightWork;

    public boolean overtime;

    public boolean restDayWork;

    public String workExceptionFiling;

    /** The rules it breaks, as found when it was last written. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ComplianceStatus> compliance = List.of();
}
