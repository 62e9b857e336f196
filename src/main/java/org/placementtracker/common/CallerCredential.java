package org.placementtracker.common;

/**
 * Which credential made a request (an API key's id, or a token's issuer and subject), kept as an
 * attribute of Quarkus' security identity. Authentication sets it; what must be kept apart per
 * caller, such as idempotency keys, reads it without depending on how the caller authenticated.
 */
public final class CallerCredential {

    public static final String ATTRIBUTE = "pt.credential";

    private CallerCredential() {}
}
