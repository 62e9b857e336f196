package org.placementtracker.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.placementtracker.common.CreditCode;
import org.placementtracker.common.Period;
import org.placementtracker.demo.DemoDataSet.PlacementRow;
import org.placementtracker.demo.DemoDataSet.RotationRow;
import org.placementtracker.placement.Placement;
import org.placementtracker.rotation.Rotation;
import org.placementtracker.student.Student;

/** The generator on its own: what the database would otherwise only reject at load time. */
class DemoDataSetTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    private static final DemoDataSet DATA = DemoDataSet.generate(DAY);

    @Test
    void sameDayGivesTheSameDataSet() {
        DemoDataSet again = DemoDataSet.generate(DAY);
        assertEquals(DATA.students(), again.students());
        assertEquals(DATA.orderClasses(), again.orderClasses());
        assertEquals(DATA.members(), again.members());
        assertEquals(DATA.rotations(), again.rotations());
        assertEquals(DATA.placements(), again.placements());
    }

    @Test
    void aLaterLoadKeepsTheSameHistory() {
        DemoDataSet later = DemoDataSet.generate(DAY.plusYears(1));
        Predicate<PlacementRow> past = p -> p.endDate().isBefore(DAY);
        assertEquals(
                DATA.placements().stream().filter(past).toList(),
                later.placements().stream().filter(past).toList());
        assertEquals(
                DATA.students().stream().filter(s -> s.cohortYear() <= 2022).toList(),
                later.students().stream().filter(s -> s.cohortYear() <= 2022).toList());
    }

    @Test
    void creditCodesAndStudentNumbersAreValidAndUnique() {
        DATA.firms().forEach(f -> assertTrue(CreditCode.isValid(f.creditCode()), f.creditCode() + " " + f.name()));
        assertEquals(
                DATA.firms().size(),
                DATA.firms().stream()
                        .map(DemoDataSet.FirmRow::creditCode)
                        .distinct()
                        .count());
        assertEquals(
                DATA.students().size(),
                DATA.students().stream()
                        .map(DemoDataSet.StudentRow::studentNo)
                        .distinct()
                        .count());
        DATA.students()
                .forEach(s -> assertTrue(
                        s.studentNo().matches("[0-9]{10}") && !s.studentNo().startsWith(s.cohortYear() + "0"),
                        s.studentNo()));
    }

    @Test
    void noStudentIsInTwoPlacesAtOnce() {
        Map<UUID, List<PlacementRow>> byStudent = DATA.placements().stream()
                .filter(p -> p.status() != Placement.Status.CANCELLED)
                .collect(Collectors.groupingBy(PlacementRow::studentId));
        byStudent.values().forEach(placements -> {
            placements.sort(Comparator.comparing(PlacementRow::startDate));
            for (int i = 1; i < placements.size(); i++) {
                Period before = new Period(
                        placements.get(i - 1).startDate(), placements.get(i - 1).endDate());
                Period next = new Period(
                        placements.get(i).startDate(), placements.get(i).endDate());
                assertTrue(!before.overlaps(next), before + " and " + next);
            }
        });
    }

    @Test
    void rotationsOfAClassFollowOneAnother() {
        Map<UUID, List<RotationRow>> byClass = DATA.rotations().stream()
                .filter(r -> r.status() != Rotation.Status.CANCELLED)
                .collect(Collectors.groupingBy(RotationRow::orderClassId));
        byClass.values().forEach(rotations -> {
            rotations.sort(Comparator.comparing(RotationRow::startDate));
            for (int i = 1; i < rotations.size(); i++) {
                assertTrue(rotations
                        .get(i)
                        .startDate()
                        .isAfter(rotations.get(i - 1).endDate()));
            }
        });
        DATA.rotations().forEach(r -> {
            long days = r.endDate().toEpochDay() - r.startDate().toEpochDay();
            assertTrue(days >= 55 && days <= 95, "a two- to three-month cycle: " + r);
        });
    }

    @Test
    void eachStudentIsInAtMostOneOrderClass() {
        Set<UUID> seen = new HashSet<>();
        DATA.members().forEach(m -> assertTrue(seen.add(m.studentId()), "twice: " + m.studentId()));
        DATA.orderClasses().forEach(o -> assertTrue(o.memberCount() <= o.quota(), o.name()));
        Map<UUID, Long> members = DATA.members().stream()
                .collect(Collectors.groupingBy(DemoDataSet.MemberRow::orderClassId, Collectors.counting()));
        DATA.orderClasses()
                .forEach(o -> assertEquals(
                        o.memberCount(), members.getOrDefault(o.id(), 0L).intValue()));
    }

    @Test
    void statusesFollowTheDayThroughTheYear() {
        for (LocalDate day : List.of(
                DAY,
                LocalDate.of(2027, 1, 15),
                LocalDate.of(2027, 6, 28),
                LocalDate.of(2027, 7, 20),
                LocalDate.of(2027, 9, 10))) {
            DemoDataSet data = day.equals(DAY) ? DATA : DemoDataSet.generate(day);
            for (PlacementRow p : data.placements()) {
                boolean agrees = switch (p.status()) {
                    case PLANNED -> p.startDate().isAfter(day);
                    case ACTIVE -> !p.startDate().isAfter(day) && !p.endDate().isBefore(day);
                    case COMPLETED -> p.endDate().isBefore(day);
                    case TERMINATED -> !p.startDate().isAfter(day) && p.statusReason() != null;
                    case CANCELLED -> p.statusReason() != null;
                };
                assertTrue(agrees, day + ": " + p);
            }
            assertTrue(
                    data.placements().stream().anyMatch(p -> p.status() == Placement.Status.PLANNED),
                    "something planned on " + day);
            long enrolled = data.students().stream()
                    .filter(s -> s.status() == Student.Status.ENROLLED)
                    .count();
            assertTrue(enrolled >= 12_000 && enrolled <= 14_000, enrolled + " enrolled on " + day);
        }
        assertTrue(DATA.placements().stream().anyMatch(p -> p.status() == Placement.Status.ACTIVE));
        assertTrue(DATA.rotations().stream().anyMatch(r -> r.status() == Rotation.Status.IN_PROGRESS));
    }

    @Test
    void coversTheYearsFrom2014ToTheEndOfTheCurrentSchoolYear() {
        LocalDate first = DATA.placements().stream()
                .map(PlacementRow::startDate)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate last = DATA.placements().stream()
                .map(PlacementRow::startDate)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        assertEquals(2014, first.getYear());
        assertTrue(last.isBefore(LocalDate.of(2027, 9, 1)) && last.isAfter(DAY), "last start " + last);
    }
}
