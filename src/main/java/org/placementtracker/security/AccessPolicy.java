package org.placementtracker.security;

import static org.placementtracker.security.Role.ADMIN;
import static org.placementtracker.security.Role.OFFICER;
import static org.placementtracker.security.Role.PARTNER;
import static org.placementtracker.security.Role.VIEWER;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which roles may call which operation: the one table every endpoint is checked against. An
 * operation missing here is refused to everyone (and the role matrix test fails), so a new
 * endpoint cannot slip out unprotected. What a partner sees inside an allowed operation is
 * narrowed to its own firm by {@link CurrentCaller}.
 */
public final class AccessPolicy {

    private static final Set<Role> READ = EnumSet.of(ADMIN, OFFICER, VIEWER);
    private static final Set<Role> READ_OWN = EnumSet.of(ADMIN, OFFICER, VIEWER, PARTNER);
    private static final Set<Role> WRITE = EnumSet.of(ADMIN, OFFICER);

    private static final Map<String, Set<Role>> RULES = new TreeMap<>();

    static {
        crud("/api/v1/majors", "/{code}", READ);
        crud("/api/v1/students", "/{id}", READ_OWN);
        rule("POST", "/api/v1/students/batch", WRITE);
        crud("/api/v1/firms", "/{id}", READ_OWN);
        crud("/api/v1/order-classes", "/{id}", READ_OWN);
        rule("GET", "/api/v1/order-classes/{id}/members", READ);
        rule("POST", "/api/v1/order-classes/{id}/members", WRITE);
        rule("GET", "/api/v1/order-classes/{id}/members/{studentId}", READ);
        rule("DELETE", "/api/v1/order-classes/{id}/members/{studentId}", WRITE);
        rule("GET", "/api/v1/order-classes/{id}/rotations", READ_OWN);
        rule("POST", "/api/v1/order-classes/{id}/rotations", WRITE);
        rule("GET", "/api/v1/rotations/{id}", READ_OWN);
        rule("PATCH", "/api/v1/rotations/{id}", WRITE);
        rule("POST", "/api/v1/rotations/{id}/dispatch", WRITE);
        rule("GET", "/api/v1/placements", READ_OWN);
        rule("POST", "/api/v1/placements", WRITE);
        rule("POST", "/api/v1/placements/batch", WRITE);
        rule("GET", "/api/v1/placements/{id}", READ_OWN);
        rule("PATCH", "/api/v1/placements/{id}", WRITE);
        rule("POST", "/api/v1/placements/{id}/status", EnumSet.of(ADMIN, OFFICER, PARTNER));
        rule("GET", "/api/v1/reports/placements/yearly", READ_OWN);
        rule("GET", "/api/v1/reports/placements/by-firm", READ_OWN);
        rule("GET", "/api/v1/reports/placements/yearly/export", READ_OWN);
        rule("GET", "/api/v1/reports/placements/by-firm/export", READ_OWN);
        rule("POST", "/api/v1/api-keys", WRITE);
        rule("GET", "/api/v1/api-keys", WRITE);
        rule("DELETE", "/api/v1/api-keys/{id}", WRITE);
        rule("GET", "/api/v1/audit", EnumSet.of(ADMIN));
        rule("GET", "/api/v1/changes", READ_OWN);
    }

    private AccessPolicy() {}

    /** Collection and item operations of a resource whose reads are {@code reads} and writes officers'. */
    private static void crud(String collection, String item, Set<Role> reads) {
        rule("GET", collection, reads);
        rule("POST", collection, WRITE);
        rule("GET", collection + item, reads);
        rule("PATCH", collection + item, WRITE);
        rule("DELETE", collection + item, WRITE);
    }

    private static void rule(String method, String path, Set<Role> roles) {
        RULES.put(method + " " + path, roles);
    }

    /** The roles allowed to call {@code method} on the path template, if the operation has a rule. */
    public static Optional<Set<Role>> allowed(String method, String pathTemplate) {
        return Optional.ofNullable(RULES.get(method + " " + pathTemplate));
    }

    /** Every rule, for documentation and the role matrix test. */
    public static Map<String, Set<Role>> rules() {
        return Collections.unmodifiableMap(RULES);
    }
}
