package org.placementtracker.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.placementtracker.demo.DemoDataSet.FirmRow;
import org.placementtracker.demo.DemoDataSet.MajorRow;
import org.placementtracker.demo.DemoDataSet.MemberRow;
import org.placementtracker.demo.DemoDataSet.OrderClassRow;
import org.placementtracker.demo.DemoDataSet.PlacementRow;
import org.placementtracker.demo.DemoDataSet.RotationRow;
import org.placementtracker.demo.DemoDataSet.StudentRow;
import org.placementtracker.placement.Placement;

/** Writes a demo data set with one insert per table, parents before children. */
final class DemoDataWriter {

    private static final BulkInsert<MajorRow> MAJORS = BulkInsert.<MajorRow>into("major")
            .column("code", "text", MajorRow::code)
            .column("name", "text", MajorRow::name)
            .column("major_group", "text", MajorRow::group)
            .skipExisting("code");

    private static final BulkInsert<FirmRow> FIRMS = BulkInsert.<FirmRow>into("firm")
            .column("id", "uuid", FirmRow::id)
            .column("name", "text", FirmRow::name)
            .column("credit_code", "text", FirmRow::creditCode)
            .column("industry", "text", FirmRow::industry)
            .column("district", "text", FirmRow::district)
            .column("address", "text", FirmRow::address)
            .column("contact_name", "text", FirmRow::contactName)
            .column("headcount", "integer", FirmRow::headcount)
            .column("status", "text", FirmRow::status)
            .column("posts", "jsonb", FirmRow::posts);

    private static final BulkInsert<StudentRow> STUDENTS = BulkInsert.<StudentRow>into("student")
            .column("id", "uuid", StudentRow::id)
            .column("student_no", "text", StudentRow::studentNo)
            .column("name", "text", StudentRow::name)
            .column("gender", "text", StudentRow::gender)
            .column("birth_date", "date", StudentRow::birthDate)
            .column("major_code", "text", StudentRow::majorCode)
            .column("cohort_year", "integer", StudentRow::cohortYear)
            .column("class_name", "text", StudentRow::className)
            .column("status", "text", StudentRow::status);

    private static final BulkInsert<OrderClassRow> ORDER_CLASSES = BulkInsert.<OrderClassRow>into("order_class")
            .column("id", "uuid", OrderClassRow::id)
            .column("name", "text", OrderClassRow::name)
            .column("firm_id", "uuid", OrderClassRow::firmId)
            .column("major_code", "text", OrderClassRow::majorCode)
            .column("intake_year", "integer", OrderClassRow::intakeYear)
            .column("quota", "integer", OrderClassRow::quota)
            .column("programme", "text", OrderClassRow::programme)
            .column("status", "text", OrderClassRow::status)
            .column("member_count", "integer", OrderClassRow::memberCount);

    private static final BulkInsert<MemberRow> MEMBERS = BulkInsert.<MemberRow>into("order_class_member")
            .column("order_class_id", "uuid", MemberRow::orderClassId)
            .column("student_id", "uuid", MemberRow::studentId)
            .column("class_open", "boolean", MemberRow::classOpen)
            .column("joined_at", "timestamptz", MemberRow::joinedAt);

    private static final BulkInsert<RotationRow> ROTATIONS = BulkInsert.<RotationRow>into("rotation")
            .column("id", "uuid", RotationRow::id)
            .column("order_class_id", "uuid", RotationRow::orderClassId)
            .column("firm_id", "uuid", RotationRow::firmId)
            .column("site", "text", RotationRow::site)
            .column("start_date", "date", RotationRow::startDate)
            .column("end_date", "date", RotationRow::endDate)
            .column("mentor_name", "text", RotationRow::mentorName)
            .column("status", "text", RotationRow::status);

    private static final BulkInsert<PlacementRow> PLACEMENTS = BulkInsert.<PlacementRow>into("placement")
            .column("id", "uuid", PlacementRow::id)
            .column("student_id", "uuid", PlacementRow::studentId)
            .column("firm_id", "uuid", PlacementRow::firmId)
            .column("type", "text", PlacementRow::type)
            .column("order_class_id", "uuid", PlacementRow::orderClassId)
            .column("rotation_id", "uuid", PlacementRow::rotationId)
            .column("position", "text", PlacementRow::position)
            .column("start_date", "date", PlacementRow::startDate)
            .column("end_date", "date", PlacementRow::endDate)
            .column("status", "text", PlacementRow::status)
            .column("status_reason", "text", PlacementRow::statusReason)
            // What a well-run placement office records: an agreement signed two weeks ahead (with a
            // guardian's consent), liability insurance for the whole period paid by the school; post
            // internships pay 3,600 of a 4,200 wage monthly, eight-hour days.
            .column("agreement_ref", "text", p -> "XY-" + p.startDate().getYear() + "-" + shortId(p, 8))
            .column("agreement_signed_on", "date", p -> p.startDate().minusDays(14))
            .column("guardian_consent_on", "date", p -> p.startDate().minusDays(16))
            .column("insurance_policy_no", "text", p -> "PICC-" + p.startDate().getYear() + "-" + shortId(p, 6))
            .column("insurer", "text", p -> "中国人民财产保险股份有限公司")
            .column("insurance_from", "date", PlacementRow::startDate)
            .column("insurance_to", "date", PlacementRow::endDate)
            .column("insurance_paid_by", "text", p -> "SCHOOL")
            .column("monthly_pay", "numeric", p -> post(p) ? "3600.00" : null)
            .column("post_wage", "numeric", p -> post(p) ? "4200.00" : null)
            .column("pay_period", "text", p -> post(p) ? "MONTHLY" : null)
            .column("daily_hours", "numeric", p -> p.type() == Placement.Type.COGNITIVE ? null : "8.00");

    private DemoDataWriter() {}

    static DemoData.Counts write(Connection connection, DemoDataSet data) throws SQLException {
        int majors = MAJORS.execute(connection, data.majors());
        int firms = FIRMS.execute(connection, data.firms());
        int students = STUDENTS.execute(connection, data.students());
        int orderClasses = ORDER_CLASSES.execute(connection, data.orderClasses());
        int members = MEMBERS.execute(connection, data.members());
        int rotations = ROTATIONS.execute(connection, data.rotations());
        int placements = PLACEMENTS.execute(connection, data.placements());
        return new DemoData.Counts(majors, firms, students, orderClasses, members, rotations, placements);
    }

    private static boolean post(PlacementRow p) {
        return p.type() == Placement.Type.POST_INTERNSHIP || p.type() == Placement.Type.FOLLOW_POST;
    }

    private static String shortId(PlacementRow p, int length) {
        return p.id().toString().substring(0, length).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * A handful of current post internships made to break a rule each, as a real office's data
     * would, so that a first look at the breach list shows something; returns their ids, which the
     * rules then check.
     */
    static List<UUID> breakSomeRules(Connection connection) throws SQLException {
        List<UUID> chosen = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select id from placement
                        where type = 'POST_INTERNSHIP' and status = 'ACTIVE'
                        order by start_date desc, id limit 6
                        """)) {
            while (rows.next()) {
                chosen.add(rows.getObject(1, UUID.class));
            }
        }
        String[] breaches = {
            "insurance_to = end_date - 1",
            "monthly_pay = 2900",
            "overtime = true",
            "agreement_signed_on = start_date + 3",
            "insurance_paid_by = 'STUDENT'",
            "night_work = true"
        };
        for (int i = 0; i < chosen.size(); i++) {
            try (PreparedStatement update =
                    connection.prepareStatement("update placement set " + breaches[i] + " where id = ?")) {
                update.setObject(1, chosen.get(i));
                update.executeUpdate();
            }
        }
        return chosen;
    }
}
