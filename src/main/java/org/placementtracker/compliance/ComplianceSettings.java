package org.placementtracker.compliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Each rule's mode, and the length a post internship may have. WARN is the default mode: the rules'
 * wording is to be checked against the official text (and a province's detailed rules) before a
 * school lets one refuse writes, so a school turns BLOCK on rule by rule.
 */
@ConfigMapping(prefix = "pt.compliance")
public interface ComplianceSettings {

    /** COMPLIANCE_DEFAULT_MODE: the mode of every rule not named in COMPLIANCE_RULES. */
    @WithDefault("WARN")
    @Pattern(regexp = "\\s*(BLOCK|WARN|OFF)\\s*", message = "COMPLIANCE_DEFAULT_MODE must be BLOCK, WARN or OFF")
    String defaultMode();

    /** COMPLIANCE_RULES: rule=MODE pairs separated by commas, e.g. min-age-16=BLOCK,pay-80-percent=OFF. */
    Optional<@RuleModes String> rules();

    /** POST_INTERNSHIP_MONTHS: the months of post internship a student may have in total. */
    @WithDefault("6")
    @Min(value = 1, message = "POST_INTERNSHIP_MONTHS must be 1 to 24 (the national rule says generally 6)")
    @Max(value = 24, message = "POST_INTERNSHIP_MONTHS must be 1 to 24 (the national rule says generally 6)")
    int postInternshipMonths();

    /** POST_INTERNSHIP_MONTHS_BY_MAJOR: majors with another length, e.g. 720201=10 for clinical majors. */
    Optional<
                    @Pattern(
                            regexp =
                                    "\\s*[0-9A-Za-z]{1,12}=([1-9]|1[0-9]|2[0-4])(\\s*,\\s*[0-9A-Za-z]{1,12}=([1-9]|1[0-9]|2[0-4]))*\\s*",
                            message = "POST_INTERNSHIP_MONTHS_BY_MAJOR must list majorCode=months pairs (1 to 24) "
                                    + "separated by commas, e.g. 720201=10")
                    String>
            postInternshipMonthsByMajor();

    /** The mode of each rule. */
    default Map<Rule, Mode> modes() {
        Map<Rule, Mode> modes = new EnumMap<>(Rule.class);
        Mode otherwise = Mode.valueOf(defaultMode().trim());
        Arrays.stream(Rule.values()).forEach(rule -> modes.put(rule, otherwise));
        rules().ifPresent(list -> pairs(list).forEach((id, mode) -> modes.put(Rule.byId(id), Mode.valueOf(mode))));
        return modes;
    }

    /** The months of post internship a student of the major may have. */
    default int monthsFor(String majorCode) {
        return postInternshipMonthsByMajor()
                .map(list -> pairs(list).get(majorCode))
                .map(Integer::parseInt)
                .orElse(postInternshipMonths());
    }

    private static Map<String, String> pairs(String list) {
        Map<String, String> pairs = new HashMap<>();
        for (String pair : list.split(",")) {
            String[] parts = pair.split("=", 2);
            pairs.put(parts[0].trim(), parts.length > 1 ? parts[1].trim() : "");
        }
        return pairs;
    }

    /** A list of rule=MODE pairs naming known rules. */
    @Target({ElementType.TYPE_USE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = RuleModes.Check.class)
    @interface RuleModes {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<RuleModes, String> {

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                if (value == null || value.isBlank()) {
                    return true;
                }
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (String pair : value.split(",")) {
                    String[] parts = pair.split("=", 2);
                    String rule = parts[0].trim();
                    String mode = parts.length > 1 ? parts[1].trim() : "";
                    String shown = rule.replaceAll("[^A-Za-z0-9-]", "?");
                    String wrong = Rule.byId(rule) == null
                            ? "'" + shown + "' is not one of the rules "
                                    + Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.joining(", "))
                            : !mode.matches("BLOCK|WARN|OFF")
                                    ? "the mode of " + shown + " must be BLOCK, WARN or OFF"
                                    : !seen.add(rule) ? shown + " is named twice" : null;
                    if (wrong != null) {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(
                                        "COMPLIANCE_RULES must list rule=MODE pairs separated by commas: " + wrong)
                                .addConstraintViolation();
                        return false;
                    }
                }
                return true;
            }
        }
    }
}
