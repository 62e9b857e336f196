package org.placementtracker.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the HTTP layer refuses before any resource sees the request, answered as problem details
 * like every other error: a request target or a header section over the documented limits (414,
 * 431) and a browser request from an origin that is neither this service's nor one of
 * {@code CORS_ORIGINS} (403). It runs ahead of the CORS filter, whose own refusal has no body.
 * The HTTP codec's limits are set far above these (application.properties), so only absurd requests
 * meet the codec's bare answer. It also reads an Accept of problems only as accepting JSON answers.
 */
@ApplicationScoped
public class HttpEdge {

    /** Runs before the CORS filter (priority 300) and authentication. */
    private static final int PRIORITY = 500;

    private final ObjectMapper mapper;
    private final int maxUriLength;
    private final int maxHeaderBytes;
    private final Set<String> allowedOrigins;

    public HttpEdge(
            ObjectMapper mapper,
            HttpSettings settings,
            // Quarkus' own setting (CORS_ORIGINS), read here too: a foreign Origin is refused as a problem.
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.mapper = mapper;
        this.maxUriLength = settings.maxUriLength();
        this.maxHeaderBytes = settings.maxHeaderBytes();
        this.allowedOrigins = origins.orElse(List.of()).stream()
                .map(String::trim)
                .filter(o -> !o.isEmpty())
                .map(o -> o.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > maxUriLength) {
            refuse(
                    context,
                    414,
                    "uri-too-long",
                    "Request target too long",
                    "The path and query have " + request.uri().length() + " characters; the limit is " + maxUriLength);
            return;
        }
        int headerBytes = request.headers().entries().stream()
                .mapToInt(e -> e.getKey().length() + e.getValue().length() + 4)
                .sum();
        if (headerBytes > maxHeaderBytes) {
            refuse(
                    context,
                    431,
                    "headers-too-large",
                    "Request headers too large",
                    "The request's headers have about " + headerBytes + " bytes; the limit is " + maxHeaderBytes);
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null
                && !allowedOrigins.contains(origin.toLowerCase(Locale.ROOT))
                && !sameOrigin(request, origin)) {
            refuse(
                    context,
                    403,
                    "origin-not-allowed",
                    "Origin not allowed",
                    "Browsers may call this API only from this service's own pages or from an origin listed in "
                            + "CORS_ORIGINS");
            return;
        }
        acceptAnswersAlongsideProblems(request);
        context.next();
    }

    /**
     * A client that accepts only application/problem+json (a generated client does, for an operation
     * whose success has no body, e.g. a delete) still gets its answer: it evidently takes JSON, and an
     * answer is not to be refused with 406 for want of an error.
     */
    private static void acceptAnswersAlongsideProblems(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].trim();
            if (!type.equalsIgnoreCase(Problem.MEDIA_TYPE)) {
                return;
            }
        }
        request.headers().set(HttpHeaders.ACCEPT, accept + ", application/json");
    }

    /** The page was served by this service: scheme, host and port all agree. */
    private static boolean sameOrigin(HttpServerRequest request, String origin) {
        if (request.authority() == null) {
            return false;
        }
        String scheme = request.scheme() == null ? "http" : request.scheme();
        String host = request.authority().host();
        int port = request.authority().port();
        String withPort = scheme + "://" + host + ":" + (port > 0 ? port : defaultPort(scheme));
        String normalized = origin.toLowerCase(Locale.ROOT);
        return normalized.equals(withPort.toLowerCase(Locale.ROOT))
                || ((port <= 0 || port == defaultPort(scheme))
                        && normalized.equals((scheme + "://" + host).toLowerCase(Locale.ROOT)));
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    private void refuse(RoutingContext context, int status, String slug, String title, String detail) {
        Problem problem = Problem.of(status, slug, title, detail, null, List.of());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }
}
