package org.placementtracker.report;

import com.fasterxml.jackson.annotation.JsonValue;
import org.placementtracker.common.ProblemException;

/** How report rows are split within a year. The SQL fragments are constants, never user text. */
public enum GroupBy {
    FIRM("firm", "p.firm_id::text", false),
    MAJOR("major", "s.major_code", true),
    ORDER_CLASS("orderClass", "p.order_class_id::text", false),
    TYPE("type", "p.type", false);

    private final String parameter;
    private final String sqlKey;
    private final boolean needsStudent;

    GroupBy(String parameter, String sqlKey, boolean needsStudent) {
        this.parameter = parameter;
        this.sqlKey = sqlKey;
        this.needsStudent = needsStudent;
    }

    @JsonValue
    public String parameter() {
        return parameter;
    }

    String sqlKey() {
        return sqlKey;
    }

    boolean needsStudent() {
        return needsStudent;
    }

    public static GroupBy parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        for (GroupBy groupBy : values()) {
            if (groupBy.parameter.equals(raw.trim())) {
                return groupBy;
            }
        }
        throw ProblemException.invalidQuery("groupBy", "must be one of firm, major, orderClass, type");
    }
}
