package org.placementtracker.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One invalid field or parameter")
public record FieldError(
        @Schema(description = "JSON field or query parameter name", examples = "endDate")
        String field,

        @Schema(description = "What is wrong with it", examples = "must not be before startDate")
        String message) {}
