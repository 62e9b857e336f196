package org.placementtracker.common;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/** One column of a list's order: its HQL path, its Java type and how to read it from a row. */
public record SortColumn<E>(String path, Class<?> type, Function<E, Object> reader) {

    Object parse(String raw) {
        if (type == String.class) {
            return raw;
        }
        if (type == UUID.class) {
            return UUID.fromString(raw);
        }
        if (type == Integer.class) {
            return Integer.valueOf(raw);
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(raw);
        }
        if (type == Instant.class) {
            return Instant.parse(raw);
        }
        throw new IllegalStateException("unsupported sort type " + type);
    }
}
