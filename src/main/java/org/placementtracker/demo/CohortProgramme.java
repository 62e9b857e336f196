package org.placementtracker.demo;

import static org.placementtracker.demo.DemoCatalogue.AUTO;
import static org.placementtracker.demo.DemoCatalogue.BODY;
import static org.placementtracker.demo.DemoCatalogue.CNC;
import static org.placementtracker.demo.DemoCatalogue.MECHATRONICS;
import static org.placementtracker.demo.SchoolCalendar.fridayOfWeek;
import static org.placementtracker.demo.SchoolCalendar.mondayFrom;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.placementtracker.demo.DemoCatalogue.ClassPlan;
import org.placementtracker.demo.DemoCatalogue.FirmSpec;
import org.placementtracker.demo.DemoCatalogue.MajorSpec;
import org.placementtracker.demo.DemoDataSet.MemberRow;
import org.placementtracker.demo.DemoDataSet.OrderClassRow;
import org.placementtracker.demo.DemoDataSet.PlacementRow;
import org.placementtracker.demo.DemoDataSet.RotationRow;
import org.placementtracker.demo.DemoDataSet.StudentRow;
import org.placementtracker.orderclass.OrderClass;
import org.placementtracker.placement.Placement;
import org.placementtracker.rotation.Rotation;
import org.placementtracker.student.Student;

/**
 * One intake year: its students, the order classes formed from them at the start of their second
 * year, Great Wall's work-study rotations, and every placement of their three years. Every random
 * number is drawn whatever the day, so the day decides statuses and where the data ends, never
 * the history itself.
 */
final class CohortProgramme {

    private record Enrolee(StudentRow student, MajorSpec major, int section, boolean placeable) {}

    private record PlannedRotation(RotationRow row, boolean recorded, boolean dispatched) {}

    private record Group(ClassPlan plan, OrderClassRow orderClass, boolean formed, List<PlannedRotation> rotations) {}

    /** A class's one- or two-day observation visit (认识实习) in the spring of its first year. */
    private record Visit(boolean happens, FirmSpec firm, LocalDate start, LocalDate end) {}

    private record Outcome(Placement.Status status, String reason) {}

    // Students in school: about 3,000 in 2014 and 13,000 from 2025 (three intakes at a time).
    private static final int[] INTAKE = {
        950, 1000, 1050, 1400, 1750, 2100, 2450, 2800, 3150, 3500, 3850, 4200, 4400, 4500
    };
    private static final int LATER_INTAKE = 4550;
    // Great Wall's dual-system classes per intake year from 2012; eight a year once it was fully built up.
    private static final int[] GREAT_WALL_CLASSES = {0, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8};
    private static final List<String> GREAT_WALL_MAJORS =
            List.of(AUTO, AUTO, MECHATRONICS, BODY, CNC, AUTO, MECHATRONICS, CNC);
    private static final List<String> GREAT_WALL_SITES =
            List.of("长城汽车永川工厂总装车间", "长城汽车永川工厂焊装车间", "长城汽车永川工厂涂装车间", "长城汽车永川工厂冲压车间");

    private static final int SECTION_SIZE = 48;
    private static final double WITHDRAWN = 0.025;
    private static final double SUSPENDED = 0.029;
    private static final double COGNITIVE_VISIT = 0.12;
    private static final double ABSENT_FROM_VISIT = 0.08;
    private static final double MISSED_ROTATION = 0.02;
    private static final double CANCELLED = 0.015;
    private static final double TERMINATED = 0.04;
    // Rotations are dispatched about four weeks ahead; later ones wait for the placement office.
    private static final int DISPATCH_LEAD_DAYS = 28;
    private static final LocalDate FIRST_PLACEMENT_DAY = LocalDate.of(2014, 1, 1);
    private static final LocalDate PANDEMIC_FROM = LocalDate.of(2020, 2, 1);
    private static final LocalDate PANDEMIC_UNTIL = LocalDate.of(2020, 4, 30);
    private static final String PANDEMIC_REASON = "新冠肺炎疫情防控，企业延迟复工，本期取消";
    private static final List<String> CANCEL_REASONS =
            List.of("学生入选市级技能大赛集训队，本期不参加", "家长未签署三方协议", "企业生产计划调整，本批次取消", "学生选择参加高职分类考试，放弃本次实习", "未通过企业岗前体检");
    private static final List<String> TERMINATE_REASONS =
            List.of("学生因个人原因申请提前结束，经三方同意", "身体原因，家长申请返校", "违反企业安全生产规定，经三方协商终止", "企业产线调整，实习岗位取消", "学生返校备考高职分类考试");
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Shanghai");

    private final int cohort;
    private final LocalDate today;
    private final LocalDate horizon;
    private final Random random;
    private final DemoDataSet out;
    private final List<Enrolee> enrolees = new ArrayList<>();
    private final Map<String, Integer> sectionsByMajor = new LinkedHashMap<>();

    CohortProgramme(int cohort, LocalDate today, DemoDataSet out) {
        this.cohort = cohort;
        this.today = today;
        this.horizon = SchoolCalendar.planningHorizon(today);
        this.random = new Random(DemoDataSet.SEED * 31 + cohort);
        this.out = out;
    }

    static int intake(int cohort) {
        int index = cohort - DemoDataSet.FIRST_COHORT;
        return index < INTAKE.length ? INTAKE[index] : LATER_INTAKE;
    }

    void generate() {
        enrol();
        Map<UUID, Group> groups = formClasses();
        Map<String, Visit> visits = planVisits();
        for (Enrolee enrolee : enrolees) {
            if (!enrolee.placeable()) {
                continue;
            }
            attendVisit(enrolee, visits.get(enrolee.major().code() + "/" + enrolee.section()));
            Group group = groups.get(enrolee.student().id());
            if (group == null) {
                findOwnPlacements(enrolee);
                continue;
            }
            switch (group.plan().programme()) {
                case DUAL_SYSTEM -> alternateWithGreatWall(enrolee, group);
                case ORDER_CLASS -> workForOrderingFirm(enrolee, group);
                case MODERN_APPRENTICESHIP -> trainAsApprentice(enrolee, group);
            }
        }
    }

    // ---- students ------------------------------------------------------------------------------

    private void enrol() {
        boolean graduated = !today.isBefore(SchoolCalendar.graduation(cohort));
        for (MajorSpec major : DemoCatalogue.MAJORS) {
            int size = (int) Math.round(intake(cohort) * major.share());
            int sections = (size + SECTION_SIZE - 1) / SECTION_SIZE;
            sectionsByMajor.put(major.code(), sections);
            for (int i = 0; i < size; i++) {
                int section = i % sections + 1;
                int seat = i / sections + 1;
                boolean male = random.nextDouble() < major.maleShare();
                String name = DemoNames.person(male, random);
                LocalDate birthDate = LocalDate.of(cohort - 16, 9, 1)
                        .plusDays(random.nextInt(365))
                        .minusYears(random.nextInt(5) == 0 ? 1 : 0);
                double fate = random.nextDouble();
                Student.Status status = fate < WITHDRAWN
                        ? Student.Status.WITHDRAWN
                        : graduated
                                ? Student.Status.GRADUATED
                                : fate < SUSPENDED ? Student.Status.SUSPENDED : Student.Status.ENROLLED;
                StudentRow student = new StudentRow(
                        nextId(),
                        String.format("%d%02d%02d%02d", cohort, major.number(), section, seat),
                        name,
                        male ? Student.Gender.MALE : Student.Gender.FEMALE,
                        birthDate,
                        major.code(),
                        cohort,
                        String.format("%02d%s%d班", cohort % 100, major.shortName(), section),
                        status);
                out.add(student);
                enrolees.add(new Enrolee(student, major, section, fate >= SUSPENDED));
            }
        }
    }

    // ---- order classes -------------------------------------------------------------------------

    /** Forms this intake's order classes; returns each member's class. */
    private Map<UUID, Group> formClasses() {
        Map<String, Deque<Enrolee>> candidates = new HashMap<>();
        for (MajorSpec major : DemoCatalogue.MAJORS) {
            List<Enrolee> pool = new ArrayList<>();
            enrolees.stream().filter(e -> e.placeable() && e.major() == major).forEach(pool::add);
            Collections.shuffle(pool, random);
            candidates.put(major.code(), new ArrayDeque<>(pool));
        }
        Map<UUID, Group> groups = new HashMap<>();
        int greatWallClasses =
                GREAT_WALL_CLASSES[Math.min(cohort - DemoDataSet.FIRST_COHORT, GREAT_WALL_CLASSES.length - 1)];
        for (int k = 0; k < greatWallClasses; k++) {
            ClassPlan plan = new ClassPlan(
                    DemoCatalogue.GREAT_WALL,
                    "长城汽车二元制",
                    GREAT_WALL_MAJORS.get(k),
                    OrderClass.Programme.DUAL_SYSTEM,
                    cohort,
                    cohort,
                    45,
                    3);
            Deque<Enrolee> pool = candidates.get(plan.majorCode());
            OrderClassRow orderClass = orderClassRow(plan, plan.label() + cohort + "级" + (k + 1) + "班", pool);
            admit(new Group(plan, orderClass, isFormed(), planRotations(orderClass, k)), pool, groups);
        }
        for (ClassPlan plan : DemoCatalogue.PARTNER_CLASSES) {
            if (cohort < plan.from() || cohort > plan.until()) {
                continue;
            }
            Deque<Enrolee> pool = candidates.get(plan.majorCode());
            String major = DemoCatalogue.major(plan.majorCode()).shortName();
            OrderClassRow orderClass = orderClassRow(plan, plan.label() + cohort + "级（" + major + "）", pool);
            admit(new Group(plan, orderClass, isFormed(), List.of()), pool, groups);
        }
        return groups;
    }

    private OrderClassRow orderClassRow(ClassPlan plan, String name, Deque<Enrolee> candidates) {
        int size = Math.min(plan.quota() - random.nextInt(plan.vacancies() + 1), candidates.size());
        OrderClass.Status status =
                today.isBefore(SchoolCalendar.graduation(cohort)) ? OrderClass.Status.OPEN : OrderClass.Status.CLOSED;
        return new OrderClassRow(
                nextId(),
                name,
                plan.firm().id(),
                plan.majorCode(),
                cohort,
                plan.quota(),
                plan.programme(),
                status,
                size);
    }

    private void admit(Group group, Deque<Enrolee> candidates, Map<UUID, Group> groups) {
        OrderClassRow orderClass = group.orderClass();
        if (group.formed()) {
            out.add(orderClass);
        }
        for (int i = 0; i < orderClass.memberCount(); i++) {
            Enrolee member = candidates.removeFirst();
            Instant joinedAt = LocalDate.of(cohort + 1, 9, 1)
                    .plusDays(random.nextInt(14))
                    .atTime(9, 0)
                    .atZone(SCHOOL_ZONE)
                    .toInstant();
            // Membership is decided even before the class exists, so that later draws stay the same.
            groups.put(member.student().id(), group);
            if (group.formed()) {
                out.add(new MemberRow(
                        orderClass.id(),
                        member.student().id(),
                        orderClass.status() == OrderClass.Status.OPEN,
                        joinedAt));
            }
        }
        group.rotations().stream().filter(PlannedRotation::recorded).forEach(r -> out.add(r.row()));
    }

    /** Classes are formed when the intake starts its second year. */
    private boolean isFormed() {
        return LocalDate.of(cohort + 1, 9, 1).isBefore(horizon);
    }

    // ---- Great Wall dual system ----------------------------------------------------------------

    /**
     * Two periods at the plant in the second year and one in the third, each two to three months;
     * classes start a week apart so that the workshops are not flooded on one Monday.
     */
    private List<PlannedRotation> planRotations(OrderClassRow orderClass, int classIndex) {
        int offset = classIndex % 3;
        List<PlannedRotation> rotations = new ArrayList<>();
        rotations.add(rotation(orderClass, mondayFrom(cohort + 1, 10, 9).plusWeeks(offset), 10));
        rotations.add(rotation(orderClass, mondayFrom(cohort + 2, 3, 9).plusWeeks(offset), 11));
        rotations.add(rotation(orderClass, mondayFrom(cohort + 2, 9, 1).plusWeeks(offset), 9));
        return rotations;
    }

    private PlannedRotation rotation(OrderClassRow orderClass, LocalDate start, int weeks) {
        LocalDate end = fridayOfWeek(start, weeks);
        UUID id = nextId();
        String site = GREAT_WALL_SITES.get(random.nextInt(GREAT_WALL_SITES.size()));
        String mentor = DemoNames.mentor(random);
        Rotation.Status status = inPandemic(start)
                ? Rotation.Status.CANCELLED
                : start.isAfter(today)
                        ? Rotation.Status.PLANNED
                        : end.isBefore(today) ? Rotation.Status.COMPLETED : Rotation.Status.IN_PROGRESS;
        RotationRow row = new RotationRow(id, orderClass.id(), orderClass.firmId(), site, start, end, mentor, status);
        boolean recorded = isFormed() && start.isBefore(horizon);
        return new PlannedRotation(row, recorded, recorded && !start.isAfter(today.plusDays(DISPATCH_LEAD_DAYS)));
    }

    private void alternateWithGreatWall(Enrolee enrolee, Group group) {
        for (PlannedRotation rotation : group.rotations()) {
            boolean missed = random.nextDouble() < MISSED_ROTATION;
            RotationRow row = rotation.row();
            place(
                    enrolee,
                    DemoCatalogue.GREAT_WALL,
                    Placement.Type.WORK_STUDY,
                    group,
                    row.id(),
                    row.site(),
                    row.startDate(),
                    row.endDate(),
                    rotation.dispatched() && !missed);
        }
        LocalDate start = mondayFrom(cohort + 2, 12, 1);
        place(
                enrolee,
                DemoCatalogue.GREAT_WALL,
                Placement.Type.POST_INTERNSHIP,
                group,
                null,
                null,
                start,
                fridayOfWeek(start, 26),
                true);
    }

    // ---- order classes and apprenticeships -----------------------------------------------------

    private void workForOrderingFirm(Enrolee enrolee, Group group) {
        FirmSpec firm = group.plan().firm();
        LocalDate followPost = mondayFrom(cohort + 2, 6, 2);
        place(
                enrolee,
                firm,
                Placement.Type.FOLLOW_POST,
                group,
                null,
                null,
                followPost,
                fridayOfWeek(followPost, 4),
                true);
        LocalDate post = mondayFrom(cohort + 2, 11, 10);
        place(enrolee, firm, Placement.Type.POST_INTERNSHIP, group, null, null, post, fridayOfWeek(post, 26), true);
    }

    private void trainAsApprentice(Enrolee enrolee, Group group) {
        FirmSpec firm = group.plan().firm();
        LocalDate spring = mondayFrom(cohort + 2, 3, 3);
        place(enrolee, firm, Placement.Type.APPRENTICESHIP, group, null, null, spring, fridayOfWeek(spring, 8), true);
        LocalDate autumn = mondayFrom(cohort + 2, 10, 8);
        place(enrolee, firm, Placement.Type.APPRENTICESHIP, group, null, null, autumn, fridayOfWeek(autumn, 9), true);
        LocalDate post = mondayFrom(cohort + 3, 1, 5);
        place(enrolee, firm, Placement.Type.POST_INTERNSHIP, group, null, null, post, fridayOfWeek(post, 25), true);
    }

    // ---- everyone else -------------------------------------------------------------------------

    private void findOwnPlacements(Enrolee enrolee) {
        MajorSpec major = enrolee.major();
        boolean followsPost = random.nextDouble() < major.followPostRate();
        LocalDate followPost = mondayFrom(cohort + 2, 5, 12);
        FirmSpec followPostFirm = DemoCatalogue.firmFor(major.code(), followPost.getYear(), random);
        place(
                enrolee,
                followPostFirm,
                Placement.Type.FOLLOW_POST,
                null,
                null,
                null,
                followPost,
                fridayOfWeek(followPost, 5),
                followsPost);

        boolean interns = random.nextDouble() < major.postInternshipRate();
        boolean fromJanuary = random.nextBoolean();
        LocalDate post = fromJanuary ? mondayFrom(cohort + 3, 1, 5) : mondayFrom(cohort + 2, 11, 10);
        FirmSpec postFirm = DemoCatalogue.firmFor(major.code(), post.getYear(), random);
        place(
                enrolee,
                postFirm,
                Placement.Type.POST_INTERNSHIP,
                null,
                null,
                null,
                post,
                fridayOfWeek(post, fromJanuary ? 25 : 26),
                interns);
    }

    private Map<String, Visit> planVisits() {
        Map<String, Visit> visits = new HashMap<>();
        for (MajorSpec major : DemoCatalogue.MAJORS) {
            for (int section = 1; section <= sectionsByMajor.get(major.code()); section++) {
                boolean happens = random.nextDouble() < COGNITIVE_VISIT;
                FirmSpec firm = DemoCatalogue.firmFor(major.code(), cohort + 1, random);
                LocalDate start = mondayFrom(cohort + 1, 4, 8)
                        .plusWeeks(random.nextInt(6))
                        .plusDays(random.nextInt(4));
                LocalDate end = start.plusDays(random.nextInt(2));
                visits.put(major.code() + "/" + section, new Visit(happens, firm, start, end));
            }
        }
        return visits;
    }

    private void attendVisit(Enrolee enrolee, Visit visit) {
        boolean absent = random.nextDouble() < ABSENT_FROM_VISIT;
        place(
                enrolee,
                visit.firm(),
                Placement.Type.COGNITIVE,
                null,
                null,
                null,
                visit.start(),
                visit.end(),
                visit.happens() && !absent);
    }

    // ---- placements ----------------------------------------------------------------------------

    /**
     * Records a placement if it took place ({@code happens}), falls in the years the data covers,
     * and its firm and class exist by then. The random numbers are drawn either way.
     */
    private void place(
            Enrolee enrolee,
            FirmSpec firm,
            Placement.Type type,
            Group group,
            UUID rotationId,
            String site,
            LocalDate start,
            LocalDate end,
            boolean happens) {
        UUID id = nextId();
        double fate = random.nextDouble();
        String cancelReason = CANCEL_REASONS.get(random.nextInt(CANCEL_REASONS.size()));
        String terminateReason = TERMINATE_REASONS.get(random.nextInt(TERMINATE_REASONS.size()));
        int positionIndex = random.nextInt(1000);
        boolean inRange = !start.isBefore(FIRST_PLACEMENT_DAY) && start.isBefore(horizon);
        if (!happens || firm == null || !inRange || (group != null && !group.formed())) {
            return;
        }
        String position = site != null
                ? site
                : firm.positions().get(positionIndex % firm.positions().size());
        Outcome outcome =
                outcome(start, end, type == Placement.Type.COGNITIVE ? 1 : fate, cancelReason, terminateReason);
        out.add(new PlacementRow(
                id,
                enrolee.student().id(),
                firm.id(),
                type,
                group == null ? null : group.orderClass().id(),
                rotationId,
                position,
                start,
                end,
                outcome.status(),
                outcome.reason()));
    }

    /** A {@code fate} of 1 goes as planned: a class's one-day visit is not cancelled for one student. */
    private Outcome outcome(LocalDate start, LocalDate end, double fate, String cancelReason, String terminateReason) {
        if (inPandemic(start)) {
            return new Outcome(Placement.Status.CANCELLED, PANDEMIC_REASON);
        }
        if (fate < CANCELLED) {
            return new Outcome(Placement.Status.CANCELLED, cancelReason);
        }
        if (start.isAfter(today)) {
            return new Outcome(Placement.Status.PLANNED, null);
        }
        if (fate < TERMINATED) {
            return new Outcome(Placement.Status.TERMINATED, terminateReason);
        }
        return new Outcome(end.isBefore(today) ? Placement.Status.COMPLETED : Placement.Status.ACTIVE, null);
    }

    private static boolean inPandemic(LocalDate start) {
        return !start.isBefore(PANDEMIC_FROM) && !start.isAfter(PANDEMIC_UNTIL);
    }

    /** A random (version 4) UUID, but from the seeded stream so that the data set is the same every time. */
    private UUID nextId() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
