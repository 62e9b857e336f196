package org.placementtracker.common;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidatorImpl;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.placementtracker.changes.ChangeFeedSettings;
import org.placementtracker.compliance.ComplianceSettings;
import org.placementtracker.compliance.Mode;
import org.placementtracker.compliance.Rule;
import org.placementtracker.demo.DemoSettings;
import org.placementtracker.idempotency.IdempotencySettings;
import org.placementtracker.security.SecuritySettings;

/**
 * The service's settings as the start-up reads them: each default in its mapping, and every value
 * a deployer could get wrong refused with a message that names the environment variable and the fix.
 */
class SettingsTest {

    private static final List<Class<?>> MAPPINGS = List.of(
            HttpSettings.class,
            RateLimitSettings.class,
            CursorSettings.class,
            SecuritySettings.class,
            IdempotencySettings.class,
            ChangeFeedSettings.class,
            DemoSettings.class,
            ComplianceSettings.class);

    private static SmallRyeConfig config(Map<String, String> values) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withValidator(new BeanValidationConfigValidatorImpl())
                .withInterceptorFactories(new EnvironmentVariables())
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 500));
        MAPPINGS.forEach(builder::withMapping);
        return builder.build();
    }

    @Test
    void unsetSettingsTakeTheirDefaults() {
        SmallRyeConfig config = config(Map.of());
        HttpSettings http = config.getConfigMapping(HttpSettings.class);
        assertEquals(1_048_576, http.maxBodySize());
        assertEquals(16_777_216, http.maxBatchBodySize());
        assertEquals(8192, http.maxUriLength());
        assertEquals(16384, http.maxHeaderBytes());
        assertFalse(http.requireIfMatch());
        RateLimitSettings rateLimit = config.getConfigMapping(RateLimitSettings.class);
        assertEquals(1200, rateLimit.perMinute());
        assertEquals(100_000, rateLimit.maxCallers());
        assertFalse(rateLimit.trustedProxies().isPresent());
        assertFalse(config.getConfigMapping(CursorSettings.class).secret().isPresent());
        assertEquals("firm_id", config.getConfigMapping(SecuritySettings.class).jwtFirmClaim());
        assertEquals(
                Duration.ofHours(24),
                config.getConfigMapping(IdempotencySettings.class).retention());
        assertEquals(
                Duration.ofDays(30),
                config.getConfigMapping(ChangeFeedSettings.class).retention());
        assertFalse(config.getConfigMapping(DemoSettings.class).enabled());
        ComplianceSettings compliance = config.getConfigMapping(ComplianceSettings.class);
        assertEquals(Set.of(Mode.WARN), Set.copyOf(compliance.modes().values()));
        assertEquals(6, compliance.monthsFor("700206"));
    }

    @Test
    void complianceModesAndLengthsAreReadPerRuleAndMajor() {
        ComplianceSettings compliance = config(Map.of(
                        "COMPLIANCE_DEFAULT_MODE", "OFF",
                        "COMPLIANCE_RULES", " min-age-16=BLOCK, pay-80-percent=WARN ",
                        "POST_INTERNSHIP_MONTHS_BY_MAJOR", "720201=10,720301=8"))
                .getConfigMapping(ComplianceSettings.class);
        assertEquals(Mode.BLOCK, compliance.modes().get(Rule.MIN_AGE));
        assertEquals(Mode.WARN, compliance.modes().get(Rule.PAY));
        assertEquals(Mode.OFF, compliance.modes().get(Rule.INSURANCE));
        assertEquals(10, compliance.monthsFor("720201"));
        assertEquals(6, compliance.monthsFor("700206"));
    }

    @Test
    void eachSettingIsReadFromItsEnvironmentVariable() {
        SmallRyeConfig config = config(Map.of("RATE_LIMIT_PER_MINUTE", "7", "IDEMPOTENCY_RETENTION", "2H"));
        assertEquals(7, config.getConfigMapping(RateLimitSettings.class).perMinute());
        assertEquals(
                Duration.ofHours(2),
                config.getConfigMapping(IdempotencySettings.class).retention());
        // The setting itself, where given (as tests do), wins.
        assertEquals(
                9,
                config(Map.of("RATE_LIMIT_PER_MINUTE", "7", "pt.rate-limit.per-minute", "9"))
                        .getConfigMapping(RateLimitSettings.class)
                        .perMinute());
    }

    @Test
    void everyVariableSetsASettingOfAMapping() {
        Map<String, String> samples = Map.ofEntries(
                Map.entry("MAX_BODY_BYTES", "2048"),
                Map.entry("MAX_BATCH_BODY_BYTES", "4096"),
                Map.entry("REQUIRE_IF_MATCH", "true"),
                Map.entry("RATE_LIMIT_PER_MINUTE", "60"),
                Map.entry("TRUSTED_PROXIES", "10.0.0.0/8"),
                Map.entry("CURSOR_SECRET", "s".repeat(40)),
                Map.entry("PT_DATA_KEY", "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M="),
                Map.entry("PT_BOOTSTRAP_ADMIN_KEY", "ptk_" + "b".repeat(40)),
                Map.entry("JWT_FIRM_CLAIM", "school_firm"),
                Map.entry("IDEMPOTENCY_RETENTION", "7D"),
                Map.entry("CHANGE_FEED_RETENTION", "90D"),
                Map.entry("DEMO_DATA", "true"),
                Map.entry("COMPLIANCE_DEFAULT_MODE", "BLOCK"),
                Map.entry("COMPLIANCE_RULES", "pay-80-percent=OFF"),
                Map.entry("POST_INTERNSHIP_MONTHS", "7"),
                Map.entry("POST_INTERNSHIP_MONTHS_BY_MAJOR", "720201=10"));
        assertEquals(samples.keySet(), Set.copyOf(EnvironmentVariables.VARIABLES.values()));
        // Set as the settings themselves, under a check that refuses a name no mapping knows.
        Map<String, String> settings = new HashMap<>();
        EnvironmentVariables.VARIABLES.forEach((setting, variable) -> settings.put(setting, samples.get(variable)));
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withValidateUnknown(true)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(settings, "test", 500))
                .withMapping(HttpSettings.class)
                .withMapping(RateLimitSettings.class)
                .withMapping(CursorSettings.class)
                .withMapping(SecuritySettings.class)
                .withMapping(IdempotencySettings.class)
                .withMapping(ChangeFeedSettings.class)
                .withMapping(DemoSettings.class)
                .withMapping(ComplianceSettings.class)
                .build();
        // And read from the variables, each value arrives in its setting.
        SmallRyeConfig fromVariables = config(samples);
        for (Class<?> mapping : MAPPINGS) {
            assertEquals(
                    config.getConfigMapping(mapping).toString(),
                    fromVariables.getConfigMapping(mapping).toString(),
                    mapping.getSimpleName());
        }
        assertTrue(fromVariables.getConfigMapping(DemoSettings.class).enabled());
    }

    @Test
    void aWrongValueStopsTheStartNamingItsVariableAndTheFix() {
        Map<String, String> refusals = Map.of(
                "pt.http.max-body-size", "MAX_BODY_BYTES",
                "pt.http.max-batch-body-size", "MAX_BATCH_BODY_BYTES",
                "pt.rate-limit.per-minute", "RATE_LIMIT_PER_MINUTE",
                "pt.idempotency.retention", "IDEMPOTENCY_RETENTION",
                "pt.change-feed.retention", "CHANGE_FEED_RETENTION");
        Map<String, String> wrong = Map.of(
                "pt.http.max-body-size", "10",
                "pt.http.max-batch-body-size", "0",
                "pt.rate-limit.per-minute", "0",
                "pt.idempotency.retention", "1S",
                "pt.change-feed.retention", "PT1M");
        for (Map.Entry<String, String> setting : refusals.entrySet()) {
            String message = refused(Map.of(setting.getKey(), wrong.get(setting.getKey())));
            assertThat(message, containsString(setting.getValue()));
        }
        assertThat(refused(Map.of("pt.cursor.secret", "too-short")), containsString("openssl rand -base64 32"));
        assertThat(refused(Map.of("pt.security.data-key", "c2hvcnQ=")), containsString("PT_DATA_KEY"));
        assertThat(
                refused(Map.of("pt.security.bootstrap-admin-key", "ptk_...")),
                containsString("echo ptk_$(openssl rand -hex 24)"));
        assertThat(refused(Map.of("pt.security.jwt-firm-claim", "firm id")), containsString("JWT_FIRM_CLAIM"));
        assertThat(
                refused(Map.of("COMPLIANCE_RULES", "min-age-61=BLOCK")),
                containsString("COMPLIANCE_RULES must list rule=MODE pairs"));
        assertThat(
                refused(Map.of("COMPLIANCE_RULES", "min-age-61=BLOCK")),
                containsString("'min-age-61' is not one of the rules min-age-16, "));
        assertThat(
                refused(Map.of("COMPLIANCE_RULES", "min-age-16=STOP")),
                containsString("COMPLIANCE_RULES must list rule=MODE pairs separated by commas: the mode of min-age-16 "
                        + "must be BLOCK, WARN or OFF"));
        assertThat(
                refused(Map.of("COMPLIANCE_RULES", "min-age-16=OFF,min-age-16=BLOCK")),
                containsString("min-age-16 is named twice"));
        assertThat(refused(Map.of("COMPLIANCE_DEFAULT_MODE", "warn")), containsString("COMPLIANCE_DEFAULT_MODE"));
        assertThat(refused(Map.of("POST_INTERNSHIP_MONTHS", "0")), containsString("POST_INTERNSHIP_MONTHS must be"));
        assertThat(
                refused(Map.of("POST_INTERNSHIP_MONTHS_BY_MAJOR", "720201:10")),
                containsString("POST_INTERNSHIP_MONTHS_BY_MAJOR must list"));
    }

    @Test
    void wellFormedSecretsAreAccepted() {
        SmallRyeConfig config = config(Map.of(
                "pt.cursor.secret",
                "s".repeat(32),
                "pt.security.data-key",
                "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=",
                "pt.security.bootstrap-admin-key",
                "ptk_" + "a".repeat(48)));
        assertEquals(
                "ptk_" + "a".repeat(48),
                config.getConfigMapping(SecuritySettings.class)
                        .bootstrapAdminKey()
                        .orElseThrow());
    }

    private static String refused(Map<String, String> values) {
        return assertThrows(ConfigValidationException.class, () -> config(values), values.toString())
                .getMessage();
    }
}
