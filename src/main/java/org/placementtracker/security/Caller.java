package org.placementtracker.security;

import java.util.UUID;

/**
 * The authenticated caller of a request: the credential's name (an API key's name or the token's
 * user), its role and, for partners, the one firm it acts for.
 */
public record Caller(String name, Role role, UUID firmId, String credential) {

    public Caller(String name, Role role, UUID firmId) {
        this(name, role, firmId, null);
    }

    public boolean isPartner() {
        return role == Role.PARTNER;
    }

    public boolean is(Role other) {
        return role == other;
    }
}
