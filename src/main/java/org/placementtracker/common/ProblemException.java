package org.placementtracker.common;

import java.util.List;

/**
 * A failure the client can act on. Carries everything an RFC 9457 problem needs; the
 * {@link ProblemMapper} turns it into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final List<RuleBreach> breaches;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        this(status, slug, title, detail, errors, List.of());
    }

    public ProblemException(
            int status, String slug, String title, String detail, List<FieldError> errors, List<RuleBreach> breaches) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.breaches = List.copyOf(breaches);
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public static ProblemException notFound(String resource, Object id) {
        return new ProblemException(404, "not-found", "Resource not found", resource + " " + id + " does not exist");
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail);
    }

    public static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(400, slug, title, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(
                400,
                "validation-failed",
                "Request is not valid",
                "Invalid fields: "
                        + String.join(
                                ", ",
                                errors.stream()
                                        .map(FieldError::field)
                                        .distinct()
                                        .toList()),
                errors);
    }

    /** 422: the write would break internship rules whose mode is BLOCK; nothing was saved. */
    public static ProblemException breaches(String subject, List<RuleBreach> breaches) {
        return new ProblemException(
                422,
                "compliance-breach",
                "Internship rules would be broken",
                subject + " breaks "
                        + String.join(
                                "; ",
                                breaches.stream()
                                        .map(b -> b.rule() + " (" + b.article() + "): " + b.detail())
                                        .toList()),
                List.of(),
                breaches);
    }

    public static ProblemException invalidQuery(String parameter, String message) {
        return new ProblemException(
                400,
                "invalid-query-parameter",
                "Query parameter is not valid",
                "Query parameter '" + parameter + "' " + message,
                List.of(new FieldError(parameter, message)));
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public List<RuleBreach> breaches() {
        return breaches;
    }
}
