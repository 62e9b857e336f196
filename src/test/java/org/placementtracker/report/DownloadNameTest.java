package org.placementtracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DownloadNameTest {

    @Test
    void chineseNamesGoIntoTheUtf8NameAndAreLeftOutOfTheAsciiOne() {
        DownloadName name = DownloadName.of("placements-yearly", "长城汽车股份有限公司", null, "", "2014-2025");
        assertEquals("placements-yearly_长城汽车股份有限公司_2014-2025.csv", name.unicode("csv"));
        assertEquals("placements-yearly_2014-2025.csv", name.ascii("csv"));
        assertEquals(
                "attachment; filename=\"placements-yearly_2014-2025.csv\"; filename*=UTF-8''placements-yearly_"
                        + "%E9%95%BF%E5%9F%8E%E6%B1%BD%E8%BD%A6%E8%82%A1%E4%BB%BD%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8"
                        + "_2014-2025.csv",
                name.contentDisposition("attachment", "csv"));
    }

    @Test
    void keepsLettersAndDigitsOfAnyScriptAndNothingAFileSystemOrHeaderCouldMisread() {
        DownloadName name = DownloadName.of(
                "placements",
                "=HYPERLINK(\"http://x\",\"y\")",
                "a/b\\c:d*e?f<g>h|i",
                "Société Générale; \r\nX-Injected: 1",
                "..",
                "Great Wall Motors Co., Ltd.");
        String unicode = name.unicode("svg");
        assertEquals(
                "placements_HYPERLINK-http-x-y_a-b-c-d-e-f-g-h-i_Société-Générale-X-Injected-1_"
                        + "Great-Wall-Motors-Co-Ltd.svg",
                unicode);
        assertEquals(
                "placements_HYPERLINK-http-x-y_a-b-c-d-e-f-g-h-i_Societe-Generale-X-Injected-1_"
                        + "Great-Wall-Motors-Co-Ltd.svg",
                name.ascii("svg"));
        String header = name.contentDisposition("inline", "svg");
        assertTrue(header.chars().allMatch(c -> c >= 0x20 && c < 0x7f), header);
        String encoded = header.substring(header.indexOf("UTF-8''") + 7);
        assertEquals(unicode, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
    }

    @Test
    void aNameOfNothingButChineseStillHasAnAsciiName() {
        assertEquals("report.xlsx", DownloadName.of("各企业").ascii("xlsx"));
    }

    @Test
    void capsVeryLongNames() {
        String unicode = DownloadName.of("a", "企".repeat(500)).unicode("csv");
        assertEquals("a_" + "企".repeat(60) + ".csv", unicode);
    }
}
