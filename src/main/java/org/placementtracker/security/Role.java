package org.placementtracker.security;

import java.util.Collection;

/** What a caller may do: each resource method names the roles it admits ({@link Roles}). */
public enum Role {
    ADMIN,
    OFFICER,
    VIEWER,
    PARTNER;

    /** The strongest of the roles a token names, or null when it names none of ours. */
    static Role strongest(Collection<String> names) {
        for (Role role : values()) {
            if (names.contains(role.name())) {
                return role;
            }
        }
        return null;
    }
}
