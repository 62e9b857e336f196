package org.placementtracker.placement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.common.Versioned;
import org.placementtracker.compliance.ComplianceStatus;
import org.placementtracker.compliance.PayPeriod;
import org.placementtracker.compliance.Payer;

@Schema(description = "A placement (送工 / 实习): one student at one firm for one period")
public record PlacementResponse(
        UUID id,
        UUID studentId,
        UUID firmId,
        Placement.Type type,
        @Schema(nullable = true) UUID orderClassId,

        @Schema(description = "Rotation that dispatched it (read-only)", nullable = true, readOnly = true)
        UUID rotationId,

        @Schema(examples = "总装车间装配工", nullable = true) String position,
        @Schema(examples = "2025-03-01") LocalDate startDate,
        @Schema(examples = "2025-08-31") LocalDate endDate,
        @Schema(readOnly = true) Placement.Status status,

        @Schema(description = "Why the status last changed", nullable = true, readOnly = true)
        String statusReason,

        @Schema(description = "The client's own key", nullable = true, examples = "HR-2025-0042")
        String externalRef,

        @Schema(examples = "XY-2025-0042", nullable = true) String agreementRef,
        @Schema(examples = "2025-02-20", nullable = true) LocalDate agreementSignedOn,
        @Schema(examples = "2025-02-18", nullable = true) LocalDate guardianConsentOn,

        @Schema(examples = "PICC-2025-778812", nullable = true)
        String insurancePolicyNo,

        @Schema(examples = "中国人民财产保险股份有限公司", nullable = true)
        String insurer,

        @Schema(examples = "2025-03-01", nullable = true) LocalDate insuranceFrom,
        @Schema(examples = "2025-08-31", nullable = true) LocalDate insuranceTo,
        @Schema(examples = "SCHOOL", nullable = true) Payer insurancePaidBy,
        @Schema(examples = "3600.00", nullable = true) BigDecimal monthlyPay,
        @Schema(examples = "4200.00", nullable = true) BigDecimal postWage,
        @Schema(examples = "MONTHLY", nullable = true) PayPeriod payPeriod,
        @Schema(examples = "8", nullable = true) BigDecimal dailyHours,
        boolean nightWork,
        boolean overtime,
        boolean restDayWork,
        @Schema(examples = "BA-2025-017", nullable = true) String workExceptionFiling,

        @Schema(
                description = "The internship rules it breaks (WARN mode), found when it was last written; empty "
                        + "when it breaks none",
                readOnly = true)
        List<ComplianceStatus> compliance,

        @Schema(description = "Changes with every write; the ETag of the resource", examples = "3", readOnly = true)
        long version)
        implements Versioned {

    static PlacementResponse of(Placement p) {
        return new PlacementResponse(
                p.id,
                p.studentId,
                p.firmId,
                p.type,
                p.orderClassId,
                p.rotationId,
                p.position,
                p.startDate,
                p.endDate,
                p.status,
                p.statusReason,
                p.externalRef,
                p.agreementRef,
                p.agreementSignedOn,
                p.guardianConsentOn,
                p.insurancePolicyNo,
                p.insurer,
                p.insuranceFrom,
                p.insuranceTo,
                p.insurancePaidBy,
                p.monthlyPay,
                p.postWage,
                p.payPeriod,
                p.dailyHours,
                p.nightWork,
                p.overtime,
                p.restDayWork,
                p.workExceptionFiling,
                p.compliance,
                p.version);
    }

    PlacementRequest asRequest() {
        return new PlacementRequest(
                studentId,
                firmId,
                type,
                orderClassId,
                position,
                startDate,
                endDate,
                externalRef,
                agreementRef,
                agreementSignedOn,
                guardianConsentOn,
                insurancePolicyNo,
                insurer,
                insuranceFrom,
                insuranceTo,
                insurancePaidBy,
                monthlyPay,
                postWage,
                payPeriod,
                dailyHours,
                nightWork,
                overtime,
                restDayWork,
                workExceptionFiling);
    }
}
