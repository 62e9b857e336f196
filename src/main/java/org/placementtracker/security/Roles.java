package org.placementtracker.security;

/**
 * The role names for {@code @RolesAllowed} on resource methods, where an annotation needs
 * constants. Every resource method declares who may call it; one without a declaration is refused
 * to everyone ({@code quarkus.security.jaxrs.deny-unannotated-endpoints}) and fails the build
 * ({@code ArchitectureTest}). The OpenAPI document shows the same roles as {@code x-roles}.
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String OFFICER = "OFFICER";
    public static final String VIEWER = "VIEWER";
    /** A partner firm's HR system: only its own firm's rows (see the README, "Security"). */
    public static final String PARTNER = "PARTNER";

    private Roles() {}
}
