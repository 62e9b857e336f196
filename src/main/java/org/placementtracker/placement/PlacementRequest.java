package org.placementtracker.placement;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.compliance.PayPeriod;
import org.placementtracker.compliance.Payer;

@Schema(description = "A placement as created or patched; its status moves only through the status operation")
public record PlacementRequest(
        @NotNull UUID studentId,
        @NotNull UUID firmId,
        @Schema(examples = "POST_INTERNSHIP") @NotNull Placement.Type type,

        @Schema(description = "Order class the placement belongs to, optional; must be run for the same firm")
        UUID orderClassId,

        @Schema(examples = "总装车间装配工") @Size(max = 200) String position,
        @Schema(examples = "2025-03-01") @NotNull LocalDate startDate,
        @Schema(examples = "2025-08-31") @NotNull LocalDate endDate,

        @Schema(
                description = "The client's own key, optional and unique within the firm; a batch import row "
                        + "with a known key updates that placement",
                examples = "HR-2025-0042")
        @Size(max = 100)
        String externalRef,

        @Schema(description = "Reference of the tripartite agreement (三方协议)", examples = "XY-2025-0042")
        @Size(max = 100)
        String agreementRef,

        @Schema(description = "Day the agreement was signed; due by the first day", examples = "2025-02-20")
        LocalDate agreementSignedOn,

        @Schema(
                description = "Day a guardian gave informed consent; due by the first day for a student under 18",
                examples = "2025-02-18")
        LocalDate guardianConsentOn,

        @Schema(description = "Liability insurance policy number (实习责任保险)", examples = "PICC-2025-778812")
        @Size(max = 100)
        String insurancePolicyNo,

        @Schema(examples = "中国人民财产保险股份有限公司") @Size(max = 200)
        String insurer,

        @Schema(description = "First day the insurance covers", examples = "2025-03-01")
        LocalDate insuranceFrom,

        @Schema(description = "Last day the insurance covers", examples = "2025-08-31")
        LocalDate insuranceTo,

        @Schema(description = "Who pays the insurance; never the student", examples = "SCHOOL")
        Payer insurancePaidBy,

        @Schema(description = "Monthly pay in yuan", examples = "3600.00")
        @DecimalMin("0")
        @Digits(integer = 8, fraction = 2)
        BigDecimal monthlyPay,

        @Schema(description = "The firm's monthly wage for the same post, in yuan", examples = "4200.00")
        @DecimalMin("0")
        @Digits(integer = 8, fraction = 2)
        BigDecimal postWage,

        @Schema(examples = "MONTHLY") PayPeriod payPeriod,

        @Schema(description = "Hours worked on a day of the post's pattern", examples = "8")
        @DecimalMin("0")
        @DecimalMax("24")
        @Digits(integer = 2, fraction = 2)
        BigDecimal dailyHours,

        @Schema(description = "The post works nights; defaults to false")
        Boolean nightWork,

        @Schema(description = "The post works overtime; defaults to false")
        Boolean overtime,

        @Schema(description = "The post works rest days or statutory holidays; defaults to false")
        Boolean restDayWork,

        @Schema(
                description = "Filing reference of the exception for night, overtime or rest-day work on a post "
                        + "that requires it",
                examples = "BA-2025-017")
        @Size(max = 100)
        String workExceptionFiling) {}
