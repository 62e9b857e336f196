package org.placementtracker.report;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The name a report is saved under, from what it covers (e.g. {@code placements-yearly_长城汽车股份有限公司_2014-2025.xlsx}),
 * sent as {@code Content-Disposition} (RFC 6266): the full name as {@code filename*=UTF-8''...} (RFC 8187),
 * which browsers prefer, and an ASCII-only {@code filename} for clients that know nothing else.
 * Names come from firms and classes, so each part keeps only letters and digits (any script), the
 * rest becomes a hyphen: no path separators, quotes or characters Windows refuses in file names.
 */
final class DownloadName {

    /** Longest part in characters: a firm's full registered name fits, a runaway one does not. */
    private static final int MAX_PART = 60;

    private final List<String> parts;

    private DownloadName(List<String> parts) {
        this.parts = parts;
    }

    /** The parts in order, joined with underscores; null and empty parts are left out. */
    static DownloadName of(String... parts) {
        return new DownloadName(Arrays.stream(parts)
                .filter(Objects::nonNull)
                .map(DownloadName::clean)
                .filter(p -> !p.isEmpty())
                .toList());
    }

    /** {@code attachment} (or {@code inline}) with both file names, ending in {@code extension}. */
    String contentDisposition(String disposition, String extension) {
        return disposition + "; filename=\"" + ascii(extension) + "\"; filename*=UTF-8''" + encoded(unicode(extension));
    }

    String unicode(String extension) {
        return String.join("_", parts) + "." + extension;
    }

    /** Only the ASCII letters and digits of each part; a part with none (a Chinese name) is left out. */
    String ascii(String extension) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            // Decomposed first, so that an accented letter keeps its base letter (é → e).
            String ascii = hyphenated(Normalizer.normalize(part, Normalizer.Form.NFD)
                    .codePoints()
                    .filter(c -> c < 128)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString());
            if (!ascii.isEmpty()) {
                kept.add(ascii);
            }
        }
        return (kept.isEmpty() ? "report" : String.join("_", kept)) + "." + extension;
    }

    private static String clean(String part) {
        String kept = part.codePoints()
                .limit(MAX_PART)
                .map(c -> Character.isLetterOrDigit(c) && !Character.isISOControl(c) ? c : '-')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return hyphenated(kept);
    }

    /** Runs of hyphens become one; none at either end. */
    private static String hyphenated(String s) {
        return Arrays.stream(s.split("-+")).filter(p -> !p.isEmpty()).collect(Collectors.joining("-"));
    }

    /** RFC 8187 value characters: attr-char as is, every other UTF-8 byte as %XX. */
    private static String encoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
