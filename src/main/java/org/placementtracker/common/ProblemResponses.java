package org.placementtracker.common;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the problem responses every operation can give, from what the operation is: its
 * method, whether it names a resource and whether it takes a body. One rule for the whole API
 * keeps the documentation true as operations are added.
 */
public class ProblemResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> problems = new TreeMap<>();
        boolean hasBody = operation.getRequestBody() != null;
        boolean namesResource = path.contains("{");
        problems.put("400", "Invalid request: malformed JSON, wrong types, unknown fields or query parameters, "
                + "or values that break a rule (see `errors`)");
        if (namesResource) {
            problems.put("404", "No such resource");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.DELETE || method == PathItem.HttpMethod.PUT) {
            problems.put("409", "Conflicts with the current state (duplicate, overlap, quota, still referenced, "
                    + "illegal status change)");
        }
        if (hasBody) {
            problems.put("413", "Request body too large");
            problems.put("415", "Unsupported Content-Type");
        }
        problems.put("500", "Unexpected error; the detail carries an error id");
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        problems.forEach((code, description) -> {
            if (operation.getResponses().getAPIResponse(code) == null) {
                operation.getResponses().addAPIResponse(code, problem(description));
            }
        });
    }

    private static APIResponse problem(String description) {
        Schema schema = OASFactory.createSchema().ref("#/components/schemas/Problem");
        MediaType media = OASFactory.createMediaType().schema(schema);
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
