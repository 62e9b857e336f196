package org.placementtracker.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Parses query parameters into typed values, answering 400 (never 404 or 500) when they do not fit. */
public final class QueryParams {

    private QueryParams() {
    }

    public static Integer optionalInt(String name, String raw) {
        return raw == null || raw.isBlank() ? null : parseInt(name, raw);
    }

    public static Integer optionalYear(String name, String raw) {
        Integer year = optionalInt(name, raw);
        if (year != null && (year < 1900 || year > 2200)) {
            throw ProblemException.invalidQuery(name, "must be a year between 1900 and 2200");
        }
        return year;
    }

    public static int parseInt(String name, String raw) {
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidQuery(name, "must be a whole number");
        }
    }

    public static UUID optionalUuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Ids.parse(raw).orElseThrow(() -> ProblemException.invalidQuery(name, "must be a resource id"));
    }

    public static LocalDate optionalDate(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidQuery(name, "must be a date (YYYY-MM-DD)");
        }
    }

    public static <E extends Enum<E>> E optionalEnum(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.invalidQuery(name, "must be one of " + allowed);
        }
    }

    public static String optionalText(String name, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > maxLength) {
            throw ProblemException.invalidQuery(name, "must be at most " + maxLength + " characters");
        }
        return raw.trim();
    }
}
