package org.placementtracker.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;

/** Where a {@link Caller} is kept on Quarkus' security identity. */
public final class CallerIdentity {

    static final String ROLE = "pt.role";
    static final String FIRM = "pt.firm";
    static final String NAME = "pt.name";

    private CallerIdentity() {}

    static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Object role = identity.getAttribute(ROLE);
        if (!(role instanceof Role r)) {
            return null;
        }
        return new Caller((String) identity.getAttribute(NAME), r, (UUID) identity.getAttribute(FIRM));
    }
}
