package org.placementtracker.student;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.common.ValidIdNumber;

@Schema(description = "A student as created or patched")
public record StudentRequest(
        @Schema(description = "School student number, unique", examples = "2024010137")
        @NotBlank
        @Size(max = 32)
        @Pattern(regexp = "[0-9A-Za-z-]+", message = "must contain only letters, digits and -")
        String studentNo,

        @Schema(examples = "李明") @NotBlank @Size(max = 100) String name,
        @Schema(examples = "MALE") @NotNull Student.Gender gender,
        @Schema(examples = "2008-05-14") @NotNull @Past LocalDate birthDate,

        @Schema(
                description = "Resident ID number (GB 11643), optional; must agree with birthDate and gender. "
                        + "Never returned in full.",
                examples = "110105200805140035")
        @ValidIdNumber
        String idNumber,

        @Schema(examples = "13800138000")
        @Size(max = 20)
        @Pattern(regexp = "\\+?[0-9 -]{5,20}", message = "must be a phone number")
        String phone,

        @Schema(examples = "700206") @NotBlank @Size(max = 12)
        String majorCode,

        @Schema(description = "Intake year", examples = "2024") @NotNull @Min(1990) @Max(2100)
        Integer cohortYear,

        @Schema(examples = "24汽修1班") @Size(max = 100) String className,

        @Schema(description = "Defaults to ENROLLED", examples = "ENROLLED")
        Student.Status status,

        @Schema(
                description = "The client's own key, optional and unique; a batch import row with a known key "
                        + "updates that student",
                examples = "SIS-2024-0137")
        @Size(max = 100)
        String externalRef) {}
