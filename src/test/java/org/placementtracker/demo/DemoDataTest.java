package org.placementtracker.demo;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.placementtracker.common.CreditCode;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestDatabase;

/**
 * The demo data in the database the tests share. Other tests' rows may be there too, so every
 * count is about demo rows only: those of the demo firms, and the demo data set's students.
 * The loads happen once, in order, before the tests look at what each of them did.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataTest {

    /** Demo rows per table, and whether the database records a load. */
    record Snapshot(int loads, int firms, int students, int orderClasses, int members, int rotations, int placements) {}

    private static final UUID GREAT_WALL = DemoCatalogue.GREAT_WALL.id();

    @Inject
    DemoData demoData;

    @Inject
    AgroalDataSource dataSource;

    private List<UUID> demoStudents;
    private Snapshot beforeAnyLoad;
    private DemoData.Outcome intoDatabaseWithRecords;
    private Snapshot afterRefusal;
    private DemoData.Outcome first;
    private Snapshot afterFirst;
    private DemoData.Outcome second;
    private DemoData.Outcome secondThroughSwitch;
    private Snapshot afterSecond;

    @BeforeAll
    void loadAsTheSwitchAndAsATestWould() throws SQLException {
        demoStudents = DemoDataSet.generate(LocalDate.now(ZoneOffset.UTC)).students().stream()
                .map(DemoDataSet.StudentRow::id)
                .toList();
        beforeAnyLoad = snapshot();
        insertFirmOfOurOwn();
        intoDatabaseWithRecords = demoData.load(DemoData.Target.EMPTY_DATABASE);
        afterRefusal = snapshot();
        first = demoData.load(DemoData.Target.ANY_DATABASE);
        afterFirst = snapshot();
        second = demoData.load(DemoData.Target.ANY_DATABASE);
        secondThroughSwitch = demoData.load(DemoData.Target.EMPTY_DATABASE);
        afterSecond = snapshot();
    }

    @Test
    void isNotLoadedUnlessATestAsksForIt() {
        assertEquals(new Snapshot(0, 0, 0, 0, 0, 0, 0), beforeAnyLoad);
    }

    @Test
    void switchLeavesADatabaseWithOtherRecordsAlone() {
        assertEquals(DemoData.Result.DATABASE_NOT_EMPTY, intoDatabaseWithRecords.result());
        assertEquals(beforeAnyLoad, afterRefusal);
    }

    @Test
    void loadsTheDocumentedDataSet() throws SQLException {
        assertEquals(DemoData.Result.LOADED, first.result());
        DemoData.Counts counts = first.counts();
        assertEquals(
                new Snapshot(
                        1,
                        counts.firms(),
                        counts.students(),
                        counts.orderClasses(),
                        counts.members(),
                        counts.rotations(),
                        counts.placements()),
                afterFirst);
        assertEquals(DemoCatalogue.FIRMS.size(), counts.firms());
        assertEquals(DemoCatalogue.MAJORS.size(), count("select count(*) from major where code = any(?)", (Object)
                DemoCatalogue.MAJORS.stream().map(DemoCatalogue.MajorSpec::code).toArray(String[]::new)));
        assertTrue(
                counts.firms() >= 15 && counts.rotations() > 100 && counts.orderClasses() > 100,
                "firms, rotations and order classes: " + counts);
    }

    @Test
    void firmsArePartnersOfTheSchoolWithValidCreditCodes() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select name, credit_code from firm where id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", demoFirms()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                    assertTrue(CreditCode.isValid(rows.getString(2)), rows.getString(2) + " of " + rows.getString(1));
                }
            }
        }
        for (String partner : List.of("长城汽车", "雅迪", "太平洋精密", "达瓦科技", "致伸科技", "永新", "电讯盈科", "伊斯威")) {
            assertTrue(names.stream().anyMatch(n -> n.contains(partner)), partner + " missing from " + names);
        }
    }

    @Test
    void greatWallHasReceivedMoreThanEightThousandPersonTimesSince2014() throws SQLException {
        int personTimes = count(
                "select count(*) from placement where firm_id = ?::uuid and status <> 'CANCELLED' "
                        + "and start_date between '2014-01-01' and '2025-12-31'",
                GREAT_WALL.toString());
        assertTrue(personTimes >= 8_000, "Great Wall person-times 2014-2025: " + personTimes);
    }

    @Test
    void about4000PersonTimesWereSentIn2024() throws SQLException {
        int personTimes = count(
                "select count(*) from placement where firm_id = any(?) and status <> 'CANCELLED' "
                        + "and start_date between '2024-01-01' and '2024-12-31'",
                (Object) demoFirms());
        assertTrue(personTimes >= 3_600 && personTimes <= 4_400, "person-times in 2024: " + personTimes);
    }

    @Test
    void schoolHasAbout13000StudentsEnrolled() throws SQLException {
        int enrolled = count("select count(*) from student where id = any(?) and status = 'ENROLLED'", (Object)
                demoStudents.toArray(UUID[]::new));
        assertTrue(enrolled >= 12_000 && enrolled <= 14_000, "enrolled: " + enrolled);
    }

    @Test
    void orderClassesKeepTheirQuotaAndCountTheirMembers() throws SQLException {
        assertEquals(
                0,
                count(
                        "select count(*) from order_class o where o.firm_id = any(?) "
                                + "and (o.member_count > o.quota "
                                + "or o.member_count <> (select count(*) from order_class_member m where m.order_class_id = o.id))",
                        (Object) demoFirms()));
        assertEquals(
                0,
                count(
                        "select count(*) from (select m.student_id from order_class_member m "
                                + "join order_class o on o.id = m.order_class_id where o.firm_id = any(?) "
                                + "group by m.student_id having count(*) > 1) twice",
                        (Object) demoFirms()));
        assertEquals(
                0,
                count(
                        "select count(*) from order_class_member m join order_class o on o.id = m.order_class_id "
                                + "where o.firm_id = any(?) and m.class_open <> (o.status = 'OPEN')",
                        (Object) demoFirms()));
    }

    @Test
    void placementsCarryAgreementsInsuranceAndPayButAHandfulBreakARule() throws SQLException {
        assertEquals(
                0,
                count(
                        "select count(*) from placement where firm_id = any(?) and status <> 'CANCELLED' and "
                                + "(agreement_signed_on is null or insurance_from is null or insurance_to is null "
                                + "or (type = 'POST_INTERNSHIP' and (monthly_pay is null or pay_period is null)))",
                        (Object) demoFirms()));
        assertEquals(
                6,
                count(
                        "select count(*) from placement where firm_id = any(?) and status = 'ACTIVE' and "
                                + "(agreement_signed_on > start_date or insurance_to < end_date "
                                + "or insurance_paid_by = 'STUDENT' or monthly_pay * 100 < post_wage * 80 "
                                + "or overtime or night_work)",
                        (Object) demoFirms()));
        assertEquals(0, count("select count(*) from firm where id = any(?) and jsonb_array_length(posts) = 0", (Object)
                demoFirms()));
    }

    @Test
    void workStudyPlacementsFollowTheirDualSystemRotation() throws SQLException {
        assertTrue(count(
                        "select count(*) from placement where firm_id = ?::uuid and type = 'WORK_STUDY'",
                        GREAT_WALL.toString())
                > 5_000);
        assertEquals(
                0,
                count(
                        "select count(*) from placement p left join rotation r on r.id = p.rotation_id "
                                + "left join order_class o on o.id = r.order_class_id "
                                + "where p.firm_id = any(?) and p.type = 'WORK_STUDY' "
                                + "and (r.id is null or p.start_date <> r.start_date or p.end_date <> r.end_date "
                                + "or p.order_class_id <> o.id or o.programme <> 'DUAL_SYSTEM')",
                        (Object) demoFirms()));
    }

    @Test
    void statusesAgreeWithTheDayOfTheLoad() throws SQLException {
        String asOf = first.asOf().toString();
        assertEquals(
                0,
                count(
                        "select count(*) from placement where firm_id = any(?) and ("
                                + "(status = 'COMPLETED' and end_date >= ?::date) or (status = 'PLANNED' and start_date <= ?::date) "
                                + "or (status = 'ACTIVE' and not ?::date between start_date and end_date))",
                        demoFirms(),
                        asOf,
                        asOf,
                        asOf));
        // No ACTIVE here: in the summer holidays nobody is out, which the data set shows as it is.
        for (String status : List.of("PLANNED", "COMPLETED", "TERMINATED", "CANCELLED")) {
            assertTrue(
                    count("select count(*) from placement where firm_id = any(?) and status = ?", demoFirms(), status)
                            > 0,
                    "no " + status + " placement");
        }
        assertEquals(
                0,
                count(
                        "select count(*) from placement where firm_id = any(?) "
                                + "and status in ('TERMINATED', 'CANCELLED') and status_reason is null",
                        (Object) demoFirms()));
    }

    @Test
    void servesDemoDataThroughTheApi() {
        Api.get("/api/v1/firms?q=" + DemoCatalogue.GREAT_WALL.creditCode())
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].name", equalTo(DemoCatalogue.GREAT_WALL.name()));
        Api.get("/api/v1/placements?firmId=" + GREAT_WALL + "&year=2024&limit=5")
                .statusCode(200)
                .body("items.firmId", hasItem(GREAT_WALL.toString()));
    }

    @Test
    void loadsOnlyOnce() {
        assertEquals(DemoData.Result.ALREADY_LOADED, second.result());
        assertEquals(DemoData.Result.ALREADY_LOADED, secondThroughSwitch.result());
        assertEquals(afterFirst, afterSecond);
    }

    private Snapshot snapshot() throws SQLException {
        UUID[] firms = demoFirms();
        return new Snapshot(
                count("select count(*) from demo_data_load"),
                count("select count(*) from firm where id = any(?)", (Object) firms),
                count("select count(*) from student where id = any(?)", (Object) demoStudents.toArray(UUID[]::new)),
                count("select count(*) from order_class where firm_id = any(?)", (Object) firms),
                count(
                        "select count(*) from order_class_member m join order_class o on o.id = m.order_class_id "
                                + "where o.firm_id = any(?)",
                        (Object) firms),
                count("select count(*) from rotation where firm_id = any(?)", (Object) firms),
                count("select count(*) from placement where firm_id = any(?)", (Object) firms));
    }

    private static UUID[] demoFirms() {
        return DemoCatalogue.FIRMS.stream().map(DemoCatalogue.FirmSpec::id).toArray(UUID[]::new);
    }

    /** A firm that is not demo data, so that the database is not empty whichever test ran before. */
    private void insertFirmOfOurOwn() throws SQLException {
        String first17 = String.format("91110108%09d", System.nanoTime() % 1_000_000_000L);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into firm (id, name, credit_code, status) values (?, ?, ?, 'ACTIVE')")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, "演示数据测试企业" + first17 + "有限公司");
            s.setString(3, first17 + CreditCode.checkCharacterFor(first17));
            s.executeUpdate();
        }
    }

    /** The single number a query returns; UUID and String arrays travel as PostgreSQL arrays. */
    private int count(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof UUID[] ids) {
                    s.setArray(i + 1, c.createArrayOf("uuid", ids));
                } else if (p instanceof String[] texts) {
                    s.setArray(i + 1, c.createArrayOf("text", texts));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
