package org.placementtracker.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Shorthands for talking to the API as a client does. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static ValidatableResponse post(String path, Object body) {
        return json().body(body).post(path).then();
    }

    public static ValidatableResponse patch(String path, Object body) {
        return given().contentType("application/merge-patch+json").accept(ContentType.JSON).body(body)
                .patch(path).then();
    }

    public static ValidatableResponse get(String path) {
        return json().get(path).then();
    }

    public static ValidatableResponse delete(String path) {
        return json().delete(path).then();
    }
}
