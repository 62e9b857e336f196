package org.placementtracker.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses bodies over {@code pt.http.max-body-size} with a 413 problem before they are read.
 * Batch imports carry up to 10,000 rows, so their paths have the larger
 * {@code pt.http.max-batch-body-size}.
 * The HTTP layer's own, larger limit remains as a backstop for bodies sent without a length.
 */
public class BodySizeLimit {

    private static final String BATCH_SUFFIX = "/batch";

    private final long maxBytes;
    private final long maxBatchBytes;

    public BodySizeLimit(HttpSettings settings) {
        this.maxBytes = settings.maxBodySize();
        this.maxBatchBytes = settings.maxBatchBodySize();
    }

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length == null) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("bad-request", "Bad request", "Content-Length is not a number");
        }
        long limit = request.getUriInfo().getPath().endsWith(BATCH_SUFFIX) ? maxBatchBytes : maxBytes;
        if (declared > limit) {
            throw new ProblemException(
                    413,
                    "payload-too-large",
                    "Request body too large",
                    "The request body has " + declared + " bytes; the limit is " + limit);
        }
    }
}
