package org.placementtracker.security;

import java.util.HashMap;
import java.util.Map;
import org.placementtracker.support.Api;
import org.placementtracker.support.TestData;

/** API keys made through the API (as the bootstrap admin) for tests of who may do what. */
final class Keys {

    private Keys() {}

    /** A new key of the role; returns the key itself. */
    static String create(String role, String firmId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", role.toLowerCase() + "-" + TestData.next());
        body.put("role", role);
        if (firmId != null) {
            body.put("firmId", firmId);
        }
        return Api.post("/api/v1/api-keys", body).statusCode(201).extract().path("key");
    }

    static String bearer(String key) {
        return "Bearer " + key;
    }
}
