package org.placementtracker.common;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The kinds of record the change feed and the audit history speak of, as clients name them. */
@Schema(name = "EntityType", description = "A kind of record; api-key appears in the audit history only")
public enum EntityType {
    MAJOR("major"),
    STUDENT("student"),
    FIRM("firm"),
    ORDER_CLASS("order-class"),
    ORDER_CLASS_MEMBER("order-class-member"),
    ROTATION("rotation"),
    PLACEMENT("placement"),
    TIMESHEET("timesheet"),
    COMPLIANCE_BREACH("compliance-breach"),
    API_KEY("api-key");

    private final String name;

    EntityType(String name) {
        this.name = name;
    }

    @JsonValue
    public String apiName() {
        return name;
    }

    /** The type a stored name (the change feed's trigger writes these names) stands for. */
    public static EntityType of(String apiName) {
        for (EntityType type : values()) {
            if (type.name.equals(apiName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown entity type " + apiName);
    }
}
