package org.placementtracker.common;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigSourceInterceptorFactory;
import io.smallrye.config.FallbackConfigSourceInterceptor;
import io.smallrye.config.Priorities;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The environment variables deployers set (the README's configuration table), each read as the
 * value of one of the service's settings when the setting itself is not given. The settings'
 * names, defaults and checks live in their {@code @ConfigMapping} interfaces; this table only
 * says which variable stands for which, so no default is written twice.
 */
public class EnvironmentVariables implements ConfigSourceInterceptorFactory {

    static final Map<String, String> VARIABLES = Map.ofEntries(
            Map.entry("pt.http.max-body-size", "MAX_BODY_BYTES"),
            Map.entry("pt.http.max-batch-body-size", "MAX_BATCH_BODY_BYTES"),
            Map.entry("pt.http.require-if-match", "REQUIRE_IF_MATCH"),
            Map.entry("pt.rate-limit.per-minute", "RATE_LIMIT_PER_MINUTE"),
            Map.entry("pt.rate-limit.trusted-proxies", "TRUSTED_PROXIES"),
            Map.entry("pt.cursor.secret", "CURSOR_SECRET"),
            Map.entry("pt.security.data-key", "PT_DATA_KEY"),
            Map.entry("pt.security.bootstrap-admin-key", "PT_BOOTSTRAP_ADMIN_KEY"),
            Map.entry("pt.security.jwt-firm-claim", "JWT_FIRM_CLAIM"),
            Map.entry("pt.idempotency.retention", "IDEMPOTENCY_RETENTION"),
            Map.entry("pt.change-feed.retention", "CHANGE_FEED_RETENTION"),
            Map.entry("pt.demo-data.enabled", "DEMO_DATA"),
            Map.entry("pt.compliance.default-mode", "COMPLIANCE_DEFAULT_MODE"),
            Map.entry("pt.compliance.rules", "COMPLIANCE_RULES"),
            Map.entry("pt.compliance.post-internship-months", "POST_INTERNSHIP_MONTHS"),
            Map.entry("pt.compliance.post-internship-months-by-major", "POST_INTERNSHIP_MONTHS_BY_MAJOR"));

    @Override
    public ConfigSourceInterceptor getInterceptor(ConfigSourceInterceptorContext context) {
        return new FallbackConfigSourceInterceptor(name -> VARIABLES.getOrDefault(name, name));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(Priorities.LIBRARY + 600);
    }
}
