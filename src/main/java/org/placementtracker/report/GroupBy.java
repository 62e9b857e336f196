package org.placementtracker.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** How report rows are split within a year. The SQL fragments are constants, never user text. */
public enum GroupBy {
    FIRM("firm", "p.firm_id", false, "firm", "id"),
    MAJOR("major", "s.major_code", true, "major", "code"),
    ORDER_CLASS("orderClass", "p.order_class_id", false, "order_class", "id"),
    TYPE("type", "p.type", false, null, null);

    private final String parameter;
    private final String sqlKey;
    private final boolean ofStudent;
    private final String labelTable;
    private final String labelColumn;

    GroupBy(String parameter, String sqlKey, boolean ofStudent, String labelTable, String labelColumn) {
        this.parameter = parameter;
        this.sqlKey = sqlKey;
        this.ofStudent = ofStudent;
        this.labelTable = labelTable;
        this.labelColumn = labelColumn;
    }

    @JsonValue
    public String parameter() {
        return parameter;
    }

    /**
     * Stands for every order class of another firm in a partner's report: placements at the partner's
     * firm may belong to another firm's class (its rotation ran there), and the partner may count them
     * but not learn the class's id or name. The nil UUID, which no class has (ids are random).
     */
    static final String ANOTHER_FIRMS_CLASS = "00000000-0000-0000-0000-000000000000";

    /** The key column in its own type: grouping by a uuid is cheaper than by its text. */
    String sqlKey() {
        return sqlKey;
    }

    /**
     * The key as a partner may see it: an order class not run for the placement's firm (the partner's,
     * whose placements alone it counts) becomes {@link #ANOTHER_FIRMS_CLASS}, so all such classes
     * merge into one group whose students are counted once, as in any group.
     */
    String sqlKey(boolean partnerScoped) {
        if (!partnerScoped || this != ORDER_CLASS) {
            return sqlKey;
        }
        return "case when p.order_class_id is null or exists (select 1 from order_class oc where oc.id = "
                + "p.order_class_id and oc.firm_id = p.firm_id) then p.order_class_id else '" + ANOTHER_FIRMS_CLASS
                + "'::uuid end";
    }

    /**
     * Whether the key belongs to the student ({@code s}) rather than the placement ({@code p}). Such a
     * key is the same for all of a student's placements, so it is joined to the per-student counts
     * instead of to every placement, and the placements keep their index order.
     */
    boolean ofStudent() {
        return ofStudent;
    }

    /**
     * A join from the counted rows {@code t} to the table naming the key, or empty: types are named
     * in Java. Joined after counting, so it touches one row per group rather than per placement.
     */
    String labelJoin() {
        return labelTable == null ? "" : " left join " + labelTable + " l on l." + labelColumn + " = t.key";
    }

    String sqlLabel() {
        return labelTable == null ? "null::text" : "l.name";
    }
}
