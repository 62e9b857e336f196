package org.placementtracker.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Strong ETags from the version column; If-None-Match on a read answers 304 without a body. No API
 * answer may be stored by a cache: they carry students' personal data, and a shared cache would
 * hand one caller's view (or a revealed ID number) to the next.
 */
public class ETags {

    static String of(long version) {
        return "\"" + version + "\"";
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/api/")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
        if (!(response.getEntity() instanceof Versioned versioned) || response.getStatus() >= 300
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
