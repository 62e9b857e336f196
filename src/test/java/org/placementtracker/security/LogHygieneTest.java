package org.placementtracker.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.Api;
import org.placementtracker.support.CapturedLog;
import org.placementtracker.support.TestData;
import org.placementtracker.support.TestDatabase;

/**
 * Personal data never reaches the log, whatever fails. Writes of every personal field are made to
 * fail in the database itself — as a unique-key race does, and as an unexpected error does — and in
 * the request; the log of all of it holds no phone, ID number, ID-number hash or cipher.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class LogHygieneTest {

    /** Base64 as long as an encrypted ID number: the cipher is random, so its shape is what is looked for. */
    private static final Pattern CIPHER = Pattern.compile("[A-Za-z0-9+/]{60,}={0,2}");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PersonalDataCipher cipher;

    @BeforeEach
    void injectFaults() throws SQLException {
        sql(
                """
                create or replace function test_injected_fault() returns trigger language plpgsql as $$
                begin
                    if new.name like 'FAULT-RACE%' then
                        raise exception 'injected race' using errcode = 'unique_violation',
                            constraint = 'uq_student_id_number_hash';
                    elsif new.name like 'FAULT-ERROR%' then
                        raise exception 'injected failure';
                    end if;
                    return new;
                end $$""",
                "create trigger test_injected_fault before insert or update on student for each row "
                        + "execute function test_injected_fault()",
                "create trigger test_injected_fault before insert or update on firm for each row "
                        + "execute function test_injected_fault()");
    }

    @AfterEach
    void removeFaults() throws SQLException {
        sql(
                "drop trigger if exists test_injected_fault on student",
                "drop trigger if exists test_injected_fault on firm",
                "drop function if exists test_injected_fault()");
    }

    @Test
    void failedWritesOfPersonalFieldsLeaveNoPersonalDataInTheLog() {
        String major = TestData.major();
        LocalDate born = LocalDate.of(2008, 5, 14);
        List<String> secrets = new ArrayList<>();
        try (CapturedLog log = CapturedLog.start()) {
            for (String fault : List.of("FAULT-RACE", "FAULT-ERROR")) {
                String idNumber = TestData.idNumber(born, true);
                String phone = "1390" + String.format("%07d", TestData.next() % 10_000_000);
                secrets.addAll(List.of(idNumber, cipher.lookupHash(idNumber), phone));
                Map<String, Object> student = TestData.studentRequest(major);
                student.put("name", fault + TestData.next());
                student.put("idNumber", idNumber);
                student.put("phone", phone);
                given().contentType(ContentType.JSON)
                        .body(student)
                        .post("/api/v1/students")
                        .then()
                        .statusCode(anyOf(equalTo(409), equalTo(500)));
                given().contentType(ContentType.JSON)
                        .body(List.of(student))
                        .post("/api/v1/students/batch")
                        .then()
                        .statusCode(anyOf(equalTo(409), equalTo(422), equalTo(500)));

                String existing = TestData.student(major);
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("name", fault + TestData.next());
                change.put("idNumber", idNumber);
                change.put("phone", phone);
                Api.patch("/api/v1/students/" + existing, change).statusCode(anyOf(equalTo(409), equalTo(500)));

                String contactPhone = "0312-" + String.format("%07d", TestData.next() % 10_000_000);
                secrets.add(contactPhone);
                Map<String, Object> firm = TestData.firmRequest();
                firm.put("name", fault + TestData.next());
                firm.put("contactPhone", contactPhone);
                given().contentType(ContentType.JSON)
                        .body(firm)
                        .post("/api/v1/firms")
                        .then()
                        .statusCode(anyOf(equalTo(409), equalTo(500)));
            }
            String existing = TestData.student(major);
            String phone = "1370" + String.format("%07d", TestData.next() % 10_000_000);
            secrets.add(phone);
            Api.patch("/api/v1/students/" + existing, "{\"phone\": \"" + phone + "\\u0000\"}")
                    .statusCode(400);

            String text = log.text();
            assertTrue(text.contains("injected failure"), "the faults reached the log at all");
            for (String secret : secrets) {
                // not assertThat(text, ...): a failure would print the personal data it found
                assertFalse(text.contains(secret), "a phone, ID number or ID-number hash was logged");
            }
            assertFalse(CIPHER.matcher(text).find(), "something shaped like an ID-number cipher was logged");
        }
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
