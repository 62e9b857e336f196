package org.placementtracker.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Optional;

/** How many requests a caller may make (see {@link RateLimit}). */
@ConfigMapping(prefix = "pt.rate-limit")
public interface RateLimitSettings {

    /** RATE_LIMIT_PER_MINUTE: requests per caller and minute, per instance. */
    @WithDefault("1200")
    @Min(value = 1, message = "RATE_LIMIT_PER_MINUTE must be at least 1 (requests per caller and minute)")
    int perMinute();

    /** Callers counted one by one in a minute; any further newcomer shares one overflow window. */
    @WithDefault("100000")
    @Min(value = 1, message = "pt.rate-limit.max-callers must be at least 1")
    int maxCallers();

    /** TRUSTED_PROXIES: load balancers whose X-Forwarded-For names the client (addresses or CIDR ranges). */
    Optional<List<String>> trustedProxies();
}
