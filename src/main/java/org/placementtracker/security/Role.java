package org.placementtracker.security;

import java.util.Collection;

/** What a caller may do; see {@link AccessPolicy} for the rule of every endpoint. */
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
