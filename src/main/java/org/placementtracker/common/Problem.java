package org.placementtracker.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every 4xx and 5xx answer. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(
                description = "Stable identifier of the problem kind",
                examples = "https://placement-tracker.example/problems/placement-overlap")
        String type,

        @Schema(description = "Short summary of the problem kind", examples = "Placement overlaps another")
        String title,

        @Schema(description = "HTTP status code", examples = "409")
        int status,

        @Schema(
                description = "Explanation of this occurrence",
                examples = "Student 2024010137 is already placed from 2025-03-01 to 2025-05-31")
        String detail,

        @Schema(description = "Request path", examples = "/api/v1/placements")
        String instance,

        @Schema(description = "Invalid fields, for validation problems")
        List<FieldError> errors,

        @Schema(description = "The internship rules a refused write would break (compliance-breach problems)")
        List<RuleBreach> breaches) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://placement-tracker.example/problems/";

    public static Problem of(
            int status, String slug, String title, String detail, String instance, List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title, status, detail, instance, errors, List.of());
    }

    /** The problem a {@link ProblemException} describes, at {@code instance}. */
    public static Problem of(ProblemException e, String instance) {
        return new Problem(
                TYPE_BASE + e.slug(), e.title(), e.status(), e.getMessage(), instance, e.errors(), e.breaches());
    }
}
