package org.placementtracker.common;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Requests per credential (or, without one, per client address) per minute, counted in each
 * instance in a fixed one-minute window, before anything else reads the request: beyond
 * {@code pt.rate-limit.per-minute} the answer is 429 until the window ends. Every API answer
 * carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset so clients can pace themselves.
 */
public class RateLimit {

    private static final String REMAINING = "pt.rate-limit.remaining";
    private static final String RESET = "pt.rate-limit.reset";

    private record Window(long minute, AtomicInteger used) {
    }

    private final int perMinute;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimit(@ConfigProperty(name = "pt.rate-limit.per-minute", defaultValue = "1200") int perMinute) {
        this.perMinute = perMinute;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public void count(ContainerRequestContext request, HttpServerRequest http) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String authorization = request.getHeaderString("Authorization");
        // Keyed by a digest, so the table never holds credentials.
        String caller = authorization == null || authorization.isBlank()
                ? "address:" + http.remoteAddress().hostAddress()
                : "credential:" + digest(authorization);
        long now = Instant.now().getEpochSecond();
        long minute = now / 60;
        Window window = windows.compute(caller, (k, w) -> w == null || w.minute() != minute
                ? new Window(minute, new AtomicInteger()) : w);
        int used = window.used().incrementAndGet();
        long reset = (minute + 1) * 60 - now;
        request.setProperty(REMAINING, Math.max(0, perMinute - used));
        request.setProperty(RESET, reset);
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> e.getValue().minute() != minute);
        }
        if (used > perMinute) {
            throw new ProblemException(429, "rate-limited", "Too many requests",
                    "More than " + perMinute + " requests in a minute; retry in " + reset + " s");
        }
    }

    private static String digest(String credential) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(credential.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        Object remaining = request.getProperty(REMAINING);
        if (remaining != null) {
            response.getHeaders().putSingle("RateLimit-Limit", perMinute);
            response.getHeaders().putSingle("RateLimit-Remaining", remaining);
            response.getHeaders().putSingle("RateLimit-Reset", request.getProperty(RESET));
            if (response.getStatus() == 429) {
                response.getHeaders().putSingle("Retry-After", request.getProperty(RESET));
            }
        }
    }
}
