package org.placementtracker.compliance;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The national internship rules this service computes (职业学校学生实习管理规定, 教职成〔2021〕4号, in
 * force since 2021-12-31). Articles 16 and 18 were read in the 2021 text; the other numbers follow
 * the renumbering from the 2016 text and must be checked against the official text before a school
 * sets them to BLOCK (README, "Compliance"). Each rule's id is stable: configuration, breaches and
 * clients name it.
 */
@Schema(name = "ComplianceRule", description = "A national internship rule the service checks")
public enum Rule {
    MIN_AGE("min-age-16", "Art. 16(2)", Scope.POST, "No post internship for a student under 16 on its first day"),
    FIRST_SCHOOL_YEAR(
            "first-school-year",
            "Art. 16(1)",
            Scope.POST,
            "No post internship in the student's first school year (from 1 September of the intake year)"),
    FIRM_SHARE(
            "firm-share-10",
            "Art. 10 (inferred)",
            Scope.POST,
            "Post interns at most 10% of the firm's on-post staff, on every day of the placement"),
    POST_SHARE(
            "post-share-20",
            "Art. 10 (inferred)",
            Scope.POST,
            "Post interns at most 20% of the staff of the same post, on every day of the placement"),
    LENGTH(
            "post-internship-length",
            "Art. 11 (inferred)",
            Scope.POST,
            "Post internship generally 6 months in total per student (longer for majors configured so)"),
    PAY(
            "pay-80-percent",
            "Art. 18",
            Scope.POST,
            "Pay at least 80% of the firm's wage for the same post, in money, paid at least monthly"),
    AGREEMENT(
            "agreement-before-start",
            "Art. 13 (inferred)",
            Scope.WORKING,
            "A signed tripartite agreement no later than the first day"),
    GUARDIAN_CONSENT(
            "guardian-consent",
            "Art. 13 (inferred)",
            Scope.WORKING,
            "A guardian's informed consent, no later than the first day, for a student under 18"),
    INSURANCE(
            "insurance-coverage",
            "Art. 35 (inferred)",
            Scope.ALL,
            "Internship liability insurance covering every day of the placement, not paid by the student"),
    WORKING_TIME(
            "working-time",
            "Art. 17 (inferred)",
            Scope.WORKING,
            "No night work, overtime or rest-day/holiday work unless the post requires it and it is filed"),
    MINOR_HOURS(
            "minor-hours",
            "Art. 16(3); provincial rules",
            Scope.WORKING,
            "At most 8 hours a day and no night work for a student under 18 (the 8 hours come from the 2007 "
                    + "measures and provincial rules, not the 2021 text)"),
    INTERMEDIARY(
            "no-intermediary", "Art. 16(6)", Scope.ALL, "No placement through a labour intermediary or paid agent"),
    PROHIBITED(
            "prohibited-post-or-venue",
            "Art. 16(3), 16(5), 16(7)",
            Scope.ALL,
            "No entertainment venue (bar, club, karaoke, bath centre, game hall, internet café) and no post the "
                    + "firm marks prohibited for interns (heights, underground, radiation, toxic, explosive work)");

    /** The kinds of internship a rule speaks of. */
    enum Scope {
        POST,
        WORKING,
        ALL
    }

    private final String id;
    private final String article;
    private final Scope scope;
    private final String summary;

    Rule(String id, String article, Scope scope, String summary) {
        this.id = id;
        this.article = article;
        this.scope = scope;
        this.summary = summary;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String article() {
        return article;
    }

    public String summary() {
        return summary;
    }

    public boolean appliesTo(Kind kind) {
        return switch (scope) {
            case POST -> kind == Kind.POST;
            case WORKING -> kind != Kind.OBSERVATION;
            case ALL -> true;
        };
    }

    /** The rule with this id, or null. */
    public static Rule byId(String id) {
        for (Rule rule : values()) {
            if (rule.id.equals(id)) {
                return rule;
            }
        }
        return null;
    }
}
