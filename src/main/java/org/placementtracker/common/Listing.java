package org.placementtracker.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * A filtered, keyset-paginated list query. Filters are fixed HQL fragments with named
 * parameters (never user text); the cursor carries the last row's sort key, so each page is an
 * index range scan and walking the cursors visits every matching row exactly once.
 */
public final class Listing<E> {

    private final Class<E> type;
    private final List<String> joins = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final StringJoiner scope;

    private Listing(Class<E> type) {
        this.type = type;
        this.scope = new StringJoiner("&", type.getSimpleName() + "?", "");
    }

    public static <E> Listing<E> of(Class<E> type) {
        return new Listing<>(type);
    }

    /**
     * Adds a fixed join, e.g. {@code join fetch e.student s}: a fetched association comes with the
     * page's rows in the same statement instead of one query per row, and its alias may be used
     * by filters and sort columns.
     */
    public Listing<E> join(String join) {
        joins.add(join);
        return this;
    }

    /** Adds {@code condition} (using {@code :name}) when {@code value} is present. */
    public Listing<E> filter(String name, Object value, String condition) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
            scope.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        }
        return this;
    }

    public <R> Page<R> page(
            EntityManager em, CursorCodec cursors, Sorts.Order<E> order, PageRequest request, Function<E, R> mapper) {
        String querySignature = scope + "&sort=" + order.name();
        List<String> where = new ArrayList<>(conditions);
        Map<String, Object> params = new LinkedHashMap<>(parameters);
        if (request.cursor() != null) {
            List<String> position = cursors.decode(querySignature, request.cursor());
            if (position == null || position.size() != order.columns().size()) {
                throw ProblemException.invalidQuery("cursor", "is not a cursor issued by this service");
            }
            where.add(afterPosition(order, position, params));
        }
        String direction = order.descending() ? " desc" : "";
        StringJoiner orderBy = new StringJoiner(", ", " order by ", "");
        order.columns().forEach(c -> orderBy.add(c.path() + direction));
        StringBuilder hql =
                new StringBuilder("select e from ").append(type.getSimpleName()).append(" e");
        joins.forEach(join -> hql.append(' ').append(join));
        if (!where.isEmpty()) {
            hql.append(" where ").append(String.join(" and ", where));
        }
        hql.append(orderBy);
        TypedQuery<E> query = em.createQuery(hql.toString(), type).setMaxResults(request.limit() + 1);
        params.forEach(query::setParameter);
        List<E> rows = query.getResultList();
        boolean more = rows.size() > request.limit();
        List<E> pageRows = more ? rows.subList(0, request.limit()) : rows;
        String next = null;
        if (more) {
            E last = pageRows.get(pageRows.size() - 1);
            List<String> position = new ArrayList<>();
            order.columns().forEach(c -> position.add(String.valueOf(c.reader().apply(last))));
            next = cursors.encode(querySignature, position);
        }
        return new Page<>(pageRows.stream().map(mapper).toList(), next);
    }

    /**
     * Rows strictly after the cursor's position, as one row comparison: {@code (a, id) > (:k0, :k1)},
     * or {@code <} when descending (every column of an order shares its direction). PostgreSQL starts
     * an index scan on (a, id) at a row comparison, so a page costs the same wherever it lies; spelled
     * out as {@code a > k0 or (a = k0 and id > k1)} it is only a filter, and each page would first
     * walk past every row before it. Each column compares in its own collation (pinyin for names),
     * the one its index is sorted in; a {@code collate} here would make the index useless.
     */
    private static <E> String afterPosition(Sorts.Order<E> order, List<String> position, Map<String, Object> params) {
        String op = order.descending() ? " < " : " > ";
        List<SortColumn<E>> columns = order.columns();
        StringJoiner keys = new StringJoiner(", ", "(", ")");
        StringJoiner values = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < columns.size(); i++) {
            keys.add(columns.get(i).path());
            values.add(":k" + i);
        }
        try {
            for (int i = 0; i < columns.size(); i++) {
                params.put("k" + i, columns.get(i).parse(position.get(i)));
            }
        } catch (RuntimeException e) {
            throw ProblemException.invalidQuery("cursor", "is not a cursor issued by this service");
        }
        return columns.size() == 1 ? columns.get(0).path() + op + ":k0" : keys + op + values;
    }
}
