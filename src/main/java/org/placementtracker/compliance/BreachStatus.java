package org.placementtracker.compliance;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a breach still holds. */
@Schema(name = "BreachStatus")
public enum BreachStatus {
    OPEN("open"),
    RESOLVED("resolved");

    private final String value;

    BreachStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
