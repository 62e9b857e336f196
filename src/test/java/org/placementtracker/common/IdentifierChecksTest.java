package org.placementtracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierChecksTest {

    @Test
    void acceptsTheWorkedCreditCodeExample() {
        assertTrue(CreditCode.isValid("91350100M000100Y43"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "91350100M000100Y44",
                "91350100M000100Y4",
                "91350100M000100Y433",
                "91350100I000100Y43",
                "91350100O000100Y43",
                "91350100S000100Y43",
                "91350100V000100Y43",
                "91350100Z000100Y43",
                "91350100m000100Y43"
            })
    void rejectsBrokenCreditCodes(String code) {
        assertFalse(CreditCode.isValid(code));
    }

    @Test
    void computedCheckCharacterMakesAnyBodyValid() {
        String body = "91130600MA0CXXXX0";
        assertTrue(CreditCode.isValid(body + CreditCode.checkCharacterFor(body)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014"})
    void acceptsTheWorkedIdNumberExamples(String id) {
        assertTrue(IdNumber.isValid(id));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "110105194912310021",
                "11010519491331002X",
                "11010519490230002X",
                "1101051949123100",
                "A1010519491231002X",
                "11010519491231002x"
            })
    void rejectsBrokenIdNumbers(String id) {
        assertFalse(IdNumber.isValid(id));
    }

    @Test
    void readsBirthDateAndSexFromTheIdNumber() {
        assertEquals(
                LocalDate.of(1949, 12, 31),
                IdNumber.birthDate("11010519491231002X").orElseThrow());
        assertFalse(IdNumber.isMale("11010519491231002X"));
        assertTrue(IdNumber.isMale("440524188001010014"));
    }

    @Test
    void masksAllButTheLastFourCharacters() {
        assertEquals("**************002X", IdNumber.mask("11010519491231002X"));
    }

    @Test
    void periodsOverlapWhenTheyShareADay() {
        Period winter = new Period(LocalDate.of(2024, 12, 20), LocalDate.of(2025, 1, 10));
        assertTrue(winter.overlaps(new Period(LocalDate.of(2025, 1, 10), LocalDate.of(2025, 2, 1))));
        assertFalse(winter.overlaps(new Period(LocalDate.of(2025, 1, 11), LocalDate.of(2025, 2, 1))));
    }
}
