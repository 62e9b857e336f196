package org.placementtracker.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.placementtracker.firm.Firm;
import org.placementtracker.orderclass.OrderClass;
import org.placementtracker.placement.Placement;
import org.placementtracker.rotation.Rotation;
import org.placementtracker.student.Student;

/**
 * The demo data set, as rows for each table. The school's history is the same whenever it is
 * generated (every intake year draws from its own stream of a fixed seed); the day it is generated
 * on only decides statuses, which rotations have been dispatched, and where it ends: with what the
 * school has planned by then, so that there is always something planned and, in term time,
 * something going on.
 */
final class DemoDataSet {

    record MajorRow(String code, String name, String group) {}

    record FirmRow(
            UUID id,
            String name,
            String creditCode,
            String industry,
            String district,
            String address,
            String contactName,
            int headcount,
            Firm.Status status,
            String posts) {}

    record StudentRow(
            UUID id,
            String studentNo,
            String name,
            Student.Gender gender,
            LocalDate birthDate,
            String majorCode,
            int cohortYear,
            String className,
            Student.Status status) {}

    record OrderClassRow(
            UUID id,
            String name,
            UUID firmId,
            String majorCode,
            int intakeYear,
            int quota,
            OrderClass.Programme programme,
            OrderClass.Status status,
            int memberCount) {}

    record MemberRow(UUID orderClassId, UUID studentId, boolean classOpen, Instant joinedAt) {}

    record RotationRow(
            UUID id,
            UUID orderClassId,
            UUID firmId,
            String site,
            LocalDate startDate,
            LocalDate endDate,
            String mentorName,
            Rotation.Status status) {}

    record PlacementRow(
            UUID id,
            UUID studentId,
            UUID firmId,
            Placement.Type type,
            UUID orderClassId,
            UUID rotationId,
            String position,
            LocalDate startDate,
            LocalDate endDate,
            Placement.Status status,
            String statusReason) {}

    static final long SEED = 20140901L;
    static final int FIRST_COHORT = 2012;

    private final LocalDate asOf;
    private final List<MajorRow> majors = new ArrayList<>();
    private final List<FirmRow> firms = new ArrayList<>();
    private final List<StudentRow> students = new ArrayList<>();
    private final List<OrderClassRow> orderClasses = new ArrayList<>();
    private final List<MemberRow> members = new ArrayList<>();
    private final List<RotationRow> rotations = new ArrayList<>();
    private final List<PlacementRow> placements = new ArrayList<>();

    private DemoDataSet(LocalDate asOf) {
        this.asOf = asOf;
    }

    static DemoDataSet generate(LocalDate today) {
        DemoDataSet data = new DemoDataSet(today);
        DemoCatalogue.MAJORS.forEach(m -> data.majors.add(new MajorRow(m.code(), m.name(), m.group())));
        DemoCatalogue.FIRMS.forEach(f -> data.firms.add(new FirmRow(
                f.id(),
                f.name(),
                f.creditCode(),
                f.industry(),
                f.district(),
                f.address(),
                f.contactName(),
                f.headcount(),
                f.active() ? Firm.Status.ACTIVE : Firm.Status.INACTIVE,
                posts(f))));
        for (int cohort = FIRST_COHORT; cohort <= SchoolCalendar.latestIntake(today); cohort++) {
            new CohortProgramme(cohort, today, data).generate();
        }
        return data;
    }

    void add(StudentRow student) {
        students.add(student);
    }

    void add(OrderClassRow orderClass) {
        orderClasses.add(orderClass);
    }

    void add(MemberRow member) {
        members.add(member);
    }

    void add(RotationRow rotation) {
        rotations.add(rotation);
    }

    void add(PlacementRow placement) {
        placements.add(placement);
    }

    LocalDate asOf() {
        return asOf;
    }

    List<MajorRow> majors() {
        return Collections.unmodifiableList(majors);
    }

    List<FirmRow> firms() {
        return Collections.unmodifiableList(firms);
    }

    List<StudentRow> students() {
        return Collections.unmodifiableList(students);
    }

    List<OrderClassRow> orderClasses() {
        return Collections.unmodifiableList(orderClasses);
    }

    List<MemberRow> members() {
        return Collections.unmodifiableList(members);
    }

    List<RotationRow> rotations() {
        return Collections.unmodifiableList(rotations);
    }

    List<PlacementRow> placements() {
        return Collections.unmodifiableList(placements);
    }

    /** The firm's posts as JSON: its staff shared evenly among the positions its interns hold. */
    private static String posts(DemoCatalogue.FirmSpec firm) {
        int staff = Math.max(5, firm.headcount() / firm.positions().size());
        return firm.positions().stream()
                .map(p -> "{\"name\": \"" + p.replace("\\", "\\\\").replace("\"", "\\\"") + "\", \"staff\": " + staff
                        + ", \"prohibited\": false}")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
