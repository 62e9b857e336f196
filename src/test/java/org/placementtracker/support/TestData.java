package org.placementtracker.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.placementtracker.common.CreditCode;
import org.placementtracker.common.IdNumber;

/**
 * Unique values so that every test makes its own data and never meets another's. The builders
 * create resources through the API, as a client would, and return their ids; the
 * {@code ...Request} methods return a valid request body a test may change before sending it.
 */
public final class TestData {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private TestData() {}

    public static long next() {
        return SEQUENCE.incrementAndGet();
    }

    // ---- unique values -------------------------------------------------------------------

    public static String majorCode() {
        return String.format("T%07d", next() % 10_000_000);
    }

    public static String studentNo() {
        return String.format("S%09d", next());
    }

    public static String firmName() {
        return "测试企业" + next() + "有限公司";
    }

    /** A valid Unified Social Credit Code, different on every call. */
    public static String creditCode() {
        String first17 = "91350100" + String.format("%09d", next() % 1_000_000_000L);
        return first17 + CreditCode.checkCharacterFor(first17);
    }

    /** A valid resident ID number for this birth date and sex, different on every call. */
    public static String idNumber(LocalDate birthDate, boolean male) {
        long n = next();
        String area = String.format("%06d", 110000 + n % 800_000);
        int sequence = (int) (n % 500) * 2 + (male ? 1 : 0);
        String first17 = area + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return first17 + IdNumber.checkCharacterFor(first17);
    }

    // ---- majors --------------------------------------------------------------------------

    /** A new major; returns its code. */
    public static String major() {
        String code = majorCode();
        Api.post("/api/v1/majors", Map.of("code", code, "name", "汽车运用与维修" + code))
                .statusCode(201);
        return code;
    }

    // ---- students ------------------------------------------------------------------------

    public static Map<String, Object> studentRequest(String majorCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("studentNo", studentNo());
        body.put("name", "学生" + next());
        body.put("gender", "MALE");
        body.put("birthDate", "2008-05-14");
        body.put("phone", "13800138000");
        body.put("majorCode", majorCode);
        body.put("cohortYear", 2024);
        body.put("className", "24汽修1班");
        return body;
    }

    /** A new ENROLLED student of the major; returns its id. */
    public static String student(String majorCode) {
        return created("/api/v1/students", studentRequest(majorCode));
    }

    /** A new student of the major with some fields changed; returns its id. */
    public static String student(String majorCode, Map<String, ?> changes) {
        Map<String, Object> body = studentRequest(majorCode);
        body.putAll(changes);
        return created("/api/v1/students", body);
    }

    // ---- firms ---------------------------------------------------------------------------

    public static Map<String, Object> firmRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", firmName());
        body.put("creditCode", creditCode());
        body.put("industry", "汽车制造");
        body.put("district", "保定市莲池区");
        body.put("contactName", "王经理");
        body.put("contactPhone", "0312-2196000");
        body.put("headcount", 1200);
        return body;
    }

    /** A new ACTIVE firm; returns its id. */
    public static String firm() {
        return created("/api/v1/firms", firmRequest());
    }

    // ---- order classes -------------------------------------------------------------------

    public static Map<String, Object> orderClassRequest(String firmId, String majorCode, int quota) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "订单班" + next());
        body.put("firmId", firmId);
        body.put("majorCode", majorCode);
        body.put("intakeYear", 2024);
        body.put("quota", quota);
        body.put("programme", "DUAL_SYSTEM");
        return body;
    }

    /** A new OPEN order class; returns its id. */
    public static String orderClass(String firmId, String majorCode, int quota) {
        return created("/api/v1/order-classes", orderClassRequest(firmId, majorCode, quota));
    }

    /** Adds the student to the order class, which must succeed. */
    public static void member(String orderClassId, String studentId) {
        Api.post("/api/v1/order-classes/" + orderClassId + "/members", Map.of("studentId", studentId))
                .statusCode(201);
    }

    // ---- rotations -----------------------------------------------------------------------

    /** A new PLANNED rotation of the order class at its firm; returns its id. */
    public static String rotation(String orderClassId, String startDate, String endDate) {
        return created(
                "/api/v1/order-classes/" + orderClassId + "/rotations",
                Map.of("site", "总装车间", "startDate", startDate, "endDate", endDate, "mentorName", "张师傅"));
    }

    // ---- placements ----------------------------------------------------------------------

    public static Map<String, Object> placementRequest(
            String studentId, String firmId, String startDate, String endDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("studentId", studentId);
        body.put("firmId", firmId);
        body.put("type", "POST_INTERNSHIP");
        body.put("position", "总装车间装配工");
        body.put("startDate", startDate);
        body.put("endDate", endDate);
        return body;
    }

    /** A new PLANNED placement; returns its id. */
    public static String placement(String studentId, String firmId, String startDate, String endDate) {
        return created("/api/v1/placements", placementRequest(studentId, firmId, startDate, endDate));
    }

    /** Moves a placement to a new status, which must succeed. */
    public static void placementStatus(String placementId, String status) {
        Api.post("/api/v1/placements/" + placementId + "/status", Map.of("status", status, "reason", "测试"))
                .statusCode(200);
    }

    // ---- plumbing ------------------------------------------------------------------------

    /** POSTs the body, expects 201 and returns the new resource's id. */
    public static String created(String path, Object body) {
        return Api.post(path, body).statusCode(201).extract().path("id");
    }
}
