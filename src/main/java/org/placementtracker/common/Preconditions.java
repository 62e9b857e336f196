package org.placementtracker.common;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/**
 * Conditional writes (RFC 9110): a PATCH or DELETE carrying {@code If-Match} proceeds only if the
 * resource still has that version. Services compare it with the version of the row they loaded in
 * their transaction; the write itself is then conditional on that version (the entity's
 * {@code @Version}), so a change that lands between the check and the write fails the write with
 * 409 instead of being overwritten: a stale tag changes nothing. With {@code pt.require-if-match} a
 * write without {@code If-Match} is refused with 428.
 */
@RequestScoped
public class Preconditions {

    private final HttpServerRequest request;
    private final boolean required;

    public Preconditions(HttpServerRequest request, HttpSettings settings) {
        this.request = request;
        this.required = settings.requireIfMatch();
    }

    /** Throws 412 when If-Match names another version, 428 when it is required and missing. */
    public void check(long currentVersion) {
        String ifMatch = request.getHeader("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw new ProblemException(
                        428,
                        "precondition-required",
                        "If-Match required",
                        "Send the resource's ETag in If-Match so that concurrent changes are not overwritten");
            }
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || trimmed.equals(ETags.of(currentVersion))) {
                return;
            }
        }
        throw new ProblemException(
                412,
                "precondition-failed",
                "Resource has changed",
                "The resource's current ETag is " + ETags.of(currentVersion) + "; read it again before changing it");
    }
}
