package org.placementtracker.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks chart text into lines, since SVG does not. Lines break between words; a word too long for a
 * line of its own (Chinese is written without spaces) breaks between Chinese characters, never
 * before closing or after opening punctuation, and a Latin word only when nothing else fits. Widths
 * are estimates in ems: the viewer's font is unknown, so Latin letters are taken at the width of a
 * wide one (0.6 em) and Chinese characters at a full em, which keeps lines inside their box.
 */
final class TextLines {

    private static final String CLOSING = "，。、；：？！）》」』】〕〉,.;:?!)]}%·…";
    private static final String OPENING = "（《「『【〔〈([{";
    private static final String ELLIPSIS = "…";

    private TextLines() {}

    /** At most {@code maxLines} lines of at most {@code maxEms} each; text beyond them ends in "…". */
    static List<String> wrap(String text, double maxEms, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!line.isEmpty() && ems(line + " " + word) <= maxEms) {
                line.append(' ').append(word);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (rest.codePointCount(0, rest.length()) > 1 && ems(rest) > maxEms) {
                int cut = cut(rest, maxEms);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        String last = kept.get(maxLines - 1);
        while (!last.isEmpty() && ems(last + ELLIPSIS) > maxEms) {
            last = last.substring(0, last.offsetByCodePoints(last.length(), -1));
        }
        kept.set(maxLines - 1, last.stripTrailing() + ELLIPSIS);
        return kept;
    }

    /** Estimated width in ems. */
    static double ems(String text) {
        return text.codePoints()
                .mapToDouble(c -> Character.isWhitespace(c) ? 0.3 : wide(c) ? 1.0 : 0.6)
                .sum();
    }

    /**
     * Where to end the first line of a word wider than a line: at the last break between Chinese
     * characters that fits, else after as many characters as fit (at least one).
     */
    private static int cut(String word, double maxEms) {
        int lastFit = 0;
        int lastBreak = 0;
        double width = 0;
        for (int i = 0; i < word.length(); i = word.offsetByCodePoints(i, 1)) {
            int c = word.codePointAt(i);
            width += wide(c) ? 1.0 : 0.6;
            if (width > maxEms) {
                break;
            }
            lastFit = word.offsetByCodePoints(i, 1);
            if (lastFit < word.length() && breaksBetween(c, word.codePointAt(lastFit))) {
                lastBreak = lastFit;
            }
        }
        return lastBreak > 0 ? lastBreak : Math.max(lastFit, word.offsetByCodePoints(0, 1));
    }

    private static boolean breaksBetween(int before, int after) {
        return (wide(before) || wide(after)) && CLOSING.indexOf(after) < 0 && OPENING.indexOf(before) < 0;
    }

    /** Chinese, Japanese and Korean characters and full-width forms, which take a full em. */
    static boolean wide(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL
                || (c >= 0x3000 && c <= 0x303F)
                || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6);
    }
}
