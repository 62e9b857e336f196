package org.placementtracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextLinesTest {

    @Test
    void breaksBetweenWordsAndNeverInsideOne() {
        String text = "送工/实习人次 Person-times per year 2014–2025 · 按 by orderClass · 企业 firm: Great Wall Motors";
        List<String> lines = TextLines.wrap(text, 12, 10);
        assertTrue(lines.size() > 1);
        lines.forEach(line -> assertTrue(TextLines.ems(line) <= 12, line));
        assertEquals(text, String.join(" ", lines));
    }

    @Test
    void keepsANameOnOneLineWhenItFitsThere() {
        List<String> lines = TextLines.wrap("企业 firm: 长城汽车股份有限公司; 专业 major: 700206 汽车运用与维修", 14, 10);
        assertTrue(lines.stream().anyMatch(l -> l.contains("长城汽车股份有限公司")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("汽车运用与维修")), lines.toString());
    }

    @Test
    void breaksChineseWithoutSpacesBetweenCharactersButNotAtPunctuation() {
        String text = "保定市长城汽车股份有限公司（徐水哈弗分公司），总装车间与涂装车间轮岗实习。";
        for (double width : new double[] {3, 5, 8, 13}) {
            List<String> lines = TextLines.wrap(text, width, 20);
            assertEquals(text, String.join("", lines));
            for (String line : lines) {
                assertTrue(TextLines.ems(line) <= width, line);
                assertFalse("，。）".indexOf(line.charAt(0)) >= 0, "starts with closing punctuation: " + line);
                assertFalse(line.length() > 1 && line.endsWith("（"), "ends with opening punctuation: " + line);
            }
        }
    }

    @Test
    void breaksALatinWordOnlyWhenItIsWiderThanALine() {
        List<String> lines = TextLines.wrap("a Supercalifragilisticexpialidocious b", 6, 20);
        lines.forEach(line -> assertTrue(TextLines.ems(line) <= 6, line));
        assertEquals("a", lines.get(0));
        assertEquals(
                "aSupercalifragilisticexpialidociousb", String.join("", lines).replace(" ", ""));
    }

    @Test
    void endsInAnEllipsisPastTheLastLine() {
        List<String> lines = TextLines.wrap("各企业累计人次 Person-times per firm, all years, top fifteen firms", 10, 2);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).endsWith("…"), lines.toString());
        lines.forEach(line -> assertTrue(TextLines.ems(line) <= 10, line));
        assertEquals(List.of("2014"), TextLines.wrap("  2014 ", 10, 2));
        assertEquals(List.of("长", "城"), TextLines.wrap("长城", 0.5, 5), "a character wider than a line still shows");
    }
}
