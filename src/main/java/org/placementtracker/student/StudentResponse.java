package org.placementtracker.student;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.common.IdNumber;

@Schema(description = "A student; the ID number is masked to its last 4 characters")
public record StudentResponse(
        @Schema(examples = "3f6c1a52-8d7e-4f0b-9a51-2b8e6f0c9d11") UUID id,
        @Schema(examples = "2024010137") String studentNo,
        @Schema(examples = "李明") String name,
        Student.Gender gender,
        @Schema(examples = "2008-05-14") LocalDate birthDate,
        @Schema(description = "Masked: only the last 4 characters", examples = "**************0035", nullable = true)
        String idNumber,
        @Schema(examples = "13800138000", nullable = true) String phone,
        @Schema(examples = "700206") String majorCode,
        @Schema(examples = "2024") int cohortYear,
        @Schema(examples = "24汽修1班", nullable = true) String className,
        Student.Status status) {

    static StudentResponse of(Student s) {
        return new StudentResponse(s.id, s.studentNo, s.name, s.gender, s.birthDate, IdNumber.mask(s.idNumber),
                s.phone, s.majorCode, s.cohortYear, s.className, s.status);
    }
}
