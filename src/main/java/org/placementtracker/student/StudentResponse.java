package org.placementtracker.student;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.common.Versioned;

@Schema(
        description = "A student. The ID number is masked to its last 4 characters (in full only when an ADMIN "
                + "asks for reveal=idNumber); partners see a minimal view without ID number, birth date and phone.")
public record StudentResponse(
        @Schema(examples = "3f6c1a52-8d7e-4f0b-9a51-2b8e6f0c9d11")
        UUID id,

        @Schema(examples = "2024010137") String studentNo,
        @Schema(examples = "李明") String name,
        Student.Gender gender,

        @Schema(examples = "2008-05-14", description = "Absent for partners") @JsonInclude(JsonInclude.Include.NON_NULL)
        LocalDate birthDate,

        @Schema(
                description = "Masked: only the last 4 characters; absent when the student has none and for partners",
                examples = "**************0035")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String idNumber,

        @Schema(examples = "13800138000", description = "Absent when unknown and for partners")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String phone,

        @Schema(examples = "700206") String majorCode,
        @Schema(examples = "2024") int cohortYear,
        @Schema(examples = "24汽修1班", nullable = true) String className,
        Student.Status status,

        @Schema(description = "The client's own key", nullable = true, examples = "SIS-2024-0137")
        String externalRef,

        @Schema(description = "Changes with every write; the ETag of the resource", examples = "3", readOnly = true)
        long version)
        implements Versioned {

    /** The view for officers and viewers: ID number masked. */
    static StudentResponse of(Student s) {
        return withIdNumber(s, s.idNumberLast4 == null ? null : MASK + s.idNumberLast4);
    }

    /** The view with the ID number as given: in full only for an admin's reveal. */
    static StudentResponse withIdNumber(Student s, String idNumber) {
        return new StudentResponse(
                s.id,
                s.studentNo,
                s.name,
                s.gender,
                s.birthDate,
                idNumber,
                s.phone,
                s.majorCode,
                s.cohortYear,
                s.className,
                s.status,
                s.externalRef,
                s.version);
    }

    /** A partner firm's view: what an employer needs, nothing more. */
    static StudentResponse forPartner(Student s) {
        return new StudentResponse(
                s.id,
                s.studentNo,
                s.name,
                s.gender,
                null,
                null,
                null,
                s.majorCode,
                s.cohortYear,
                s.className,
                s.status,
                null,
                s.version);
    }

    @Override
    @JsonIgnore
    public boolean revalidatable() {
        return idNumber == null || idNumber.startsWith(MASK);
    }

    private static final String MASK = "*".repeat(14);
}
