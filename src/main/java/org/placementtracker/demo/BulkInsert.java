package org.placementtracker.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Inserts any number of rows into one table with a single statement: each column travels as one
 * text array and {@code unnest} turns the arrays back into rows, so forty thousand students cost
 * one round trip instead of forty thousand.
 */
final class BulkInsert<T> {

    private record Column<T>(String name, String sqlType, Function<T, ?> value) {}

    private final String table;
    private final List<Column<T>> columns = new ArrayList<>();
    private String conflictClause = "";

    private BulkInsert(String table) {
        this.table = table;
    }

    static <T> BulkInsert<T> into(String table) {
        return new BulkInsert<>(table);
    }

    /** A column, its PostgreSQL type, and how to read it from a row; the value's text form is sent. */
    BulkInsert<T> column(String name, String sqlType, Function<T, ?> value) {
        columns.add(new Column<>(name, sqlType, value));
        return this;
    }

    /** Rows whose key already exists are left as they are (for shared reference data such as majors). */
    BulkInsert<T> skipExisting(String keyColumn) {
        conflictClause = " on conflict (" + keyColumn + ") do nothing";
        return this;
    }

    /** Inserts the rows; returns how many were inserted. */
    int execute(Connection connection, List<T> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql())) {
            for (int i = 0; i < columns.size(); i++) {
                Function<T, ?> value = columns.get(i).value();
                String[] texts = rows.stream()
                        .map(value)
                        .map(v -> Objects.toString(v, null))
                        .toArray(String[]::new);
                statement.setArray(i + 1, connection.createArrayOf("text", texts));
            }
            return statement.executeUpdate();
        }
    }

    private String sql() {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String arrays = columns.stream().map(c -> "?::" + c.sqlType() + "[]").collect(Collectors.joining(", "));
        return "insert into " + table + " (" + names + ") select * from unnest(" + arrays + ")" + conflictClause;
    }
}
