package org.placementtracker.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Strong ETags from the version column; If-None-Match on a read answers 304 without a body. No API
 * answer may be stored by a cache: they carry students' personal data, and a shared cache would
 * hand one caller's view (or a revealed ID number) to the next.
 */
public class ETags {

    /** "*" or a list of this service's entity tags: versions, strong or weak. */
    static final String CONDITION_PATTERN = "^(\\*|(W/)?\"[0-9]+\")( *, *(W/)?\"[0-9]+\")*$";

    static final int CONDITION_MAX_LENGTH = 200;
    private static final Pattern CONDITION = Pattern.compile(CONDITION_PATTERN);

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** A condition that cannot be read is refused, not ignored: the client meant something by it. */
    @ServerRequestFilter(preMatching = true)
    public void checkConditions(ContainerRequestContext request) {
        for (String header : new String[] {"If-Match", "If-None-Match"}) {
            List<String> values = request.getHeaders().get(header);
            if (values == null) {
                continue;
            }
            if (values.size() > 1
                    || values.get(0).length() > CONDITION_MAX_LENGTH
                    || !CONDITION.matcher(values.get(0).trim()).matches()) {
                throw new ProblemException(
                        400,
                        "invalid-header",
                        "Header is not valid",
                        header + " must be * or a list of ETags as this service sends them, e.g. \"3\"",
                        List.of(new FieldError(header, "must be * or a list of ETags")));
            }
        }
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/api/")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
        if (!(response.getEntity() instanceof Versioned versioned)
                || response.getStatus() >= 300
                || !versioned.revalidatable()) {
            return;
        }
        String etag = of(versioned.version());
        response.getHeaders().putSingle("ETag", etag);
        String ifNoneMatch = request.getHeaderString("If-None-Match");
        if ("GET".equals(request.getMethod()) && ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    private static boolean matches(String header, String etag) {
        for (String tag : header.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || trimmed.equals(etag) || trimmed.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
