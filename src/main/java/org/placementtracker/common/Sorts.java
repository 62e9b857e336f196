package org.placementtracker.common;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The orders a list offers, by name. {@code sort=name} ascends, {@code sort=-name} descends;
 * every order ends with the id so rows with equal keys still have a stable place, unless its
 * column is unique on its own (a student number). Each order needs an index on exactly its
 * columns for its pages to be index range scans (see {@link Listing}).
 */
public final class Sorts<E> {

    /** A chosen order: its canonical name, its columns and its direction. */
    public record Order<E>(String name, List<SortColumn<E>> columns, boolean descending) {}

    private final Map<String, SortColumn<E>> columns = new LinkedHashMap<>();
    private final Set<String> unique = new HashSet<>();
    private final SortColumn<E> tiebreak;
    private String defaultSort;

    private Sorts(SortColumn<E> tiebreak, String defaultSort) {
        this.tiebreak = tiebreak;
        this.defaultSort = defaultSort;
    }

    public static <E> Sorts<E> byId(Function<E, UUID> id, String defaultSort) {
        return new Sorts<>(new SortColumn<>("e.id", UUID.class, e -> id.apply(e)), defaultSort);
    }

    /** Orders that end with a unique key other than a UUID id (a major's code). */
    public static <E> Sorts<E> byKey(SortColumn<E> key, String keyName) {
        return new Sorts<E>(key, keyName).with(keyName, key);
    }

    public Sorts<E> with(String name, SortColumn<E> column) {
        columns.put(name, column);
        return this;
    }

    /**
     * An order by a column the database keeps unique: it needs no tiebreak, so its pages walk the
     * column's unique index as they are.
     */
    public Sorts<E> withUnique(String name, SortColumn<E> column) {
        unique.add(name);
        return with(name, column);
    }

    public Sorts<E> byDefault(String name) {
        this.defaultSort = name;
        return this;
    }

    public String allowed() {
        return String.join(", ", columns.keySet()) + " (prefix - to descend)";
    }

    public Order<E> parse(String raw) {
        String value = raw == null || raw.isBlank() ? defaultSort : raw.trim();
        boolean descending = value.startsWith("-");
        String name = descending ? value.substring(1) : value;
        SortColumn<E> column = columns.get(name);
        if (column == null) {
            throw ProblemException.invalidQuery("sort", "must be one of " + allowed());
        }
        List<SortColumn<E>> ordered =
                column.equals(tiebreak) || unique.contains(name) ? List.of(column) : List.of(column, tiebreak);
        return new Order<>(value, ordered, descending);
    }
}
