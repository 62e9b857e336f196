package org.placementtracker.common;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Requests per caller per minute, counted in each instance in a fixed one-minute window, before
 * anything else reads the request: beyond {@code pt.rate-limit.per-minute} the answer is 429 until
 * the window ends. Every API answer carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset.
 *
 * <p>A caller is a credential only once that credential has been accepted ({@link #recognise});
 * until then — no credential, an unknown, expired or made-up one — it is the client's address. So
 * rotating junk tokens buys nothing: they all share their address's window, and once it is spent
 * they are refused here, before anyone looks them up. The address is the TCP peer's, or, when the
 * peer is one of {@code pt.rate-limit.trusted-proxies}, the nearest untrusted address in
 * X-Forwarded-For.
 *
 * <p>Memory is bounded: the windows of one minute live in one table that is dropped whole when the
 * minute ends (no sweeping), and a table that holds {@code pt.rate-limit.max-callers} callers
 * counts any further newcomer in one shared overflow window.
 */
// Application-scoped, not a singleton: the authentication mechanism that holds it is made while the
// application starts, before the runtime settings exist; the proxy makes the limiter on first use.
@ApplicationScoped
public class RateLimit {

    private static final String REMAINING = "pt.rate-limit.remaining";
    private static final String RESET = "pt.rate-limit.reset";
    private static final String OVERFLOW = "overflow";

    /** One minute's counters. */
    private record Window(long minute, Map<String, AtomicInteger> used) {}

    private final int perMinute;
    private final int maxCallers;
    private final TrustedProxies proxies;
    private final Clock clock;
    private final AtomicReference<Window> current = new AtomicReference<>(new Window(-1, Map.of()));
    /** Digests of credentials accepted lately; cleared whole when full, then learnt again. */
    private final Map<String, Boolean> recognised = new ConcurrentHashMap<>();

    @Inject
    public RateLimit(RateLimitSettings settings, Clock clock) {
        this(settings.perMinute(), settings.maxCallers(), settings.trustedProxies(), clock);
    }

    RateLimit(int perMinute, int maxCallers, Optional<List<String>> trustedProxies, Clock clock) {
        this.clock = clock;
        this.perMinute = perMinute;
        this.maxCallers = maxCallers;
        this.proxies = new TrustedProxies(trustedProxies.orElse(List.of()));
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public void count(ContainerRequestContext request, HttpServerRequest http) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String authorization = http.getHeader("Authorization");
        String digest = authorization == null ? null : digest(authorization);
        String caller = digest != null && recognised.containsKey(digest)
                ? "credential:" + digest
                : "address:"
                        + proxies.clientOf(
                                http.remoteAddress().hostAddress(),
                                http.headers().getAll("X-Forwarded-For"));
        long now = clock.instant().getEpochSecond();
        int used = take(caller, now / 60);
        long reset = (now / 60 + 1) * 60 - now;
        request.setProperty(REMAINING, Math.max(0, perMinute - used));
        request.setProperty(RESET, reset);
        if (used > perMinute) {
            throw new ProblemException(
                    429,
                    "rate-limited",
                    "Too many requests",
                    "More than " + perMinute + " requests in a minute; retry in " + reset + " s");
        }
    }

    /** Counts one request of {@code caller} in the window of {@code minute}; returns its count so far. */
    int take(String caller, long minute) {
        Window window = current.get();
        while (window.minute() != minute) {
            Window fresh = new Window(minute, new ConcurrentHashMap<>());
            window = current.compareAndSet(window, fresh) ? fresh : current.get();
        }
        AtomicInteger counter = window.used().get(caller);
        if (counter == null) {
            String key = window.used().size() < maxCallers ? caller : OVERFLOW;
            counter = window.used().computeIfAbsent(key, k -> new AtomicInteger());
        }
        return counter.incrementAndGet();
    }

    /** Callers this instance counts in the current window: never more than max-callers + 1. */
    int tracked() {
        return current.get().used().size();
    }

    /** The credential in this Authorization header was accepted: from now on it has a window of its own. */
    public void recognise(String authorization) {
        if (recognised.size() >= maxCallers) {
            recognised.clear();
        }
        recognised.put(digest(authorization), Boolean.TRUE);
    }

    /** The tables hold digests, never credentials. */
    private static String digest(String credential) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
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
