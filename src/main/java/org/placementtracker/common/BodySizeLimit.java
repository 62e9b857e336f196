package org.placementtracker.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses bodies over {@code pt.http.max-body-size} with a 413 problem before they are read.
 * The HTTP layer's own, larger limit remains as a backstop for bodies sent without a length.
 */
public class BodySizeLimit {

    private final long maxBytes;

    public BodySizeLimit(@ConfigProperty(name = "pt.http.max-body-size", defaultValue = "1048576") long maxBytes) {
        this.maxBytes = maxBytes;
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
        if (declared > maxBytes) {
            throw new ProblemException(413, "payload-too-large", "Request body too large",
                    "The request body has " + declared + " bytes; the limit is " + maxBytes);
        }
    }
}
