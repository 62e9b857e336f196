package org.placementtracker.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.common.Problem;

@Schema(description = "What one row of a batch import did")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowResult(
        @Schema(
                description = "Position of the row, from 0: in the JSON array, or among the CSV lines after the header",
                examples = "0")
        int row,

        @Schema(description = "created, updated (the row's externalRef was known) or failed", examples = "created")
        RowStatus status,

        @Schema(description = "The record the row wrote; absent when it failed")
        UUID id,

        @Schema(description = "Why the row failed (non-atomic imports only); its errors name the row's own fields")
        Problem problem) {

    /** What happened to a row. */
    @Schema(name = "RowStatus")
    public enum RowStatus {
        CREATED("created"),
        UPDATED("updated"),
        FAILED("failed");

        private final String value;

        RowStatus(String value) {
            this.value = value;
        }

        @JsonValue
        public String value() {
            return value;
        }
    }
}
