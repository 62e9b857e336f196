package org.placementtracker.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;

/** Shorthands for talking to the API as a client does. */
public final class Api {

    private Api() {}

    public static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static ValidatableResponse post(String path, Object body) {
        return json().body(body).post(path).then();
    }

    public static ValidatableResponse patch(String path, Object body) {
        return given().contentType("application/merge-patch+json; charset=UTF-8")
                .accept(ContentType.JSON)
                .body(body)
                .patch(path)
                .then();
    }

    public static ValidatableResponse get(String path) {
        return json().get(path).then();
    }

    public static ValidatableResponse delete(String path) {
        return json().delete(path).then();
    }

    /**
     * Follows {@code nextCursor} from the first page of {@code path} (which may carry query
     * parameters) until it is null, and returns the pages' values at {@code field}, page by page.
     */
    public static List<List<String>> walk(String path, String field) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = json();
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ValidatableResponse page = request.get(path).then().statusCode(200);
            pages.add(page.extract().path("items." + field));
            cursor = page.extract().path("nextCursor");
        } while (cursor != null && pages.size() < 1000);
        return pages;
    }

    /** Every row's value at {@code field}, in list order, across all pages. */
    public static List<String> all(String path, String field) {
        return walk(path, field).stream().flatMap(List::stream).toList();
    }
}
