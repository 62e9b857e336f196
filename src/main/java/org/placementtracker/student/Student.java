package org.placementtracker.student;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.placementtracker.common.VersionedEntity;

@Entity
@Audited
public class Student extends VersionedEntity {

    @Schema(name = "Gender")
    public enum Gender {
        MALE,
        FEMALE
    }

    @Schema(name = "StudentStatus")
    public enum Status {
        ENROLLED,
        SUSPENDED,
        GRADUATED,
        WITHDRAWN
    }

    @Id
    public UUID id;

    public String studentNo;

    public String name;

    @Enumerated(EnumType.STRING)
    public Gender gender;

    public LocalDate birthDate;

    /** The resident ID number, AES-GCM encrypted; never stored in the clear. */
    @NotAudited
    public String idNumberCipher;

    /** Keyed hash of the ID number: uniqueness and lookups without decrypting. */
    @NotAudited
    public String idNumberHash;

    /** What responses show of the number, and what the audit history records of its changes. */
    public String idNumberLast4;

    public String phone;

    public String majorCode;

    public int cohortYear;

    public String className;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The importing client's own key for this student, unique when present. */
    public String externalRef;
}
