package org.placementtracker.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented as a bearer token. */
final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
