package org.placementtracker.demo;

import java.sql.Connection;
import java.sql.SQLException;
import org.placementtracker.demo.DemoDataSet.FirmRow;
import org.placementtracker.demo.DemoDataSet.MajorRow;
import org.placementtracker.demo.DemoDataSet.MemberRow;
import org.placementtracker.demo.DemoDataSet.OrderClassRow;
import org.placementtracker.demo.DemoDataSet.PlacementRow;
import org.placementtracker.demo.DemoDataSet.RotationRow;
import org.placementtracker.demo.DemoDataSet.StudentRow;

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
            .column("status", "text", FirmRow::status);

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
            .column("status_reason", "text", PlacementRow::statusReason);

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
}
