package org.placementtracker.student;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.UUID;
import org.placementtracker.common.VersionedEntity;

@Entity
public class Student extends VersionedEntity {

    public enum Gender { MALE, FEMALE }

    public enum Status { ENROLLED, SUSPENDED, GRADUATED, WITHDRAWN }

    @Id
    public UUID id;

    public String studentNo;

    public String name;

    @Enumerated(EnumType.STRING)
    public Gender gender;

    public LocalDate birthDate;

    public String idNumber;

    public String phone;

    public String majorCode;

    public int cohortYear;

    public String className;

    @Enumerated(EnumType.STRING)
    public Status status;
}
