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

    private static final String BEARER = "bearer";

    /** Sent with every API answer by {@link RateLimit}; sorted, so the document is the same on every build. */
    private static final Map<String, String> RATE_LIMIT_HEADERS = new TreeMap<>(Map.of(
            "RateLimit-Limit", "Requests allowed per caller per minute (per instance)",
            "RateLimit-Remaining", "Requests left in the current minute",
            "RateLimit-Reset", "Seconds until the current minute's window ends"));

    /** Longest text the schema allows anywhere (status reasons); every text column fits in it. */
    private static final int MAX_TEXT = 500;
    /** No array the API takes or gives is longer: pages hold 200 rows, a class at most 10,000 members. */
    private static final int MAX_ITEMS = 10_000;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> document(path, method, operation)));
        declareBearerScheme(openAPI);
    }

    /** One scheme for both credentials, so Swagger UI's Authorize button takes either. */
    private static void declareBearerScheme(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API key (ptk_...) from POST /api/v1/api-keys, or a JWT from the school's identity "
                        + "provider, verified as RFC8725 advises: a signature is required (alg none is refused), "
                        + "the algorithm is fixed to RS256, and issuer and expiry are checked"));
    }

    /**
     * States the bounds the service enforces but annotations cannot carry: ids are UUIDs, pages
     * hold at most 200 rows, text fits the database columns, whole numbers are 32-bit.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getType() == null || schema.getRef() != null) {
            return schema;
        }
        if (schema.getType().contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null
                && schema.getEnumeration() == null) {
            schema.setMaxLength(maxLengthOf(schema.getFormat()));
        }
        if (schema.getType().contains(Schema.SchemaType.INTEGER)) {
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
            }
            if (schema.getMinimum() == null) {
                schema.setMinimum(java.math.BigDecimal.valueOf(Integer.MIN_VALUE));
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(java.math.BigDecimal.valueOf(Integer.MAX_VALUE));
            }
        }
        if (schema.getType().contains(Schema.SchemaType.ARRAY) && schema.getMaxItems() == null) {
            schema.setMaxItems(MAX_ITEMS);
        }
        return schema;
    }

    @Override
    public org.eclipse.microprofile.openapi.models.parameters.Parameter filterParameter(
            org.eclipse.microprofile.openapi.models.parameters.Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema != null && schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING)
                && schema.getMaxLength() == null) {
            String name = parameter.getName();
            if (name.equals("limit")) {
                integer(schema, 1, PageRequest.MAX_LIMIT);
                schema.setDefaultValue(PageRequest.DEFAULT_LIMIT);
            } else if (name.equals("year") || name.endsWith("Year")) {
                integer(schema, 1900, 2200);
            } else if (name.equals("id") || name.endsWith("Id")) {
                schema.setFormat("uuid");
                schema.setMaxLength(36);
            } else if (name.equals("code") || name.endsWith("Code")) {
                schema.setMaxLength(12);
            } else if (name.equals("cursor")) {
                schema.setMaxLength(2048);
            } else {
                schema.setMaxLength(100);
            }
        }
        return parameter;
    }

    /** Single resources that carry a version, and so an ETag (see {@link ETags}, {@link Preconditions}). */
    private static final java.util.Set<String> VERSIONED_ITEMS = java.util.Set.of("/api/v1/majors/{code}",
            "/api/v1/students/{id}", "/api/v1/firms/{id}", "/api/v1/order-classes/{id}", "/api/v1/rotations/{id}",
            "/api/v1/placements/{id}");

    private static void documentConditions(PathItem.HttpMethod method, Operation operation, Map<String, String> problems) {
        boolean read = method == PathItem.HttpMethod.GET;
        operation.addParameter(OASFactory.createParameter().name(read ? "If-None-Match" : "If-Match")
                .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER)
                .description(read ? "An ETag from an earlier read: 304 without a body if it is still current"
                        : "The ETag the change is based on: 412 if the resource has changed since (required when "
                                + "REQUIRE_IF_MATCH=true, else optional)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(ETags.CONDITION_MAX_LENGTH)
                        .pattern(ETags.CONDITION_PATTERN)));
        if (read) {
            operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: the If-None-Match ETag is current"));
        } else {
            problems.put("412", "If-Match names an older version: read the resource again; nothing was changed");
            problems.put("428", "If-Match is required (REQUIRE_IF_MATCH=true) and was not sent");
        }
        org.eclipse.microprofile.openapi.models.responses.APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok != null) {
            ok.addHeader("ETag", OASFactory.createHeader().description("Strong ETag: the resource's version")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(22)
                            .pattern("^\"[0-9]+\"$")));
        }
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header integerHeader(String description) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER).format("int32").minimum(java.math.BigDecimal.ZERO)
                .maximum(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)));
    }

    private static void integer(Schema schema, int minimum, int maximum) {
        schema.setType(java.util.List.of(Schema.SchemaType.INTEGER));
        schema.setFormat("int32");
        schema.setMinimum(java.math.BigDecimal.valueOf(minimum));
        schema.setMaximum(java.math.BigDecimal.valueOf(maximum));
    }

    private static int maxLengthOf(String format) {
        if (format == null) {
            return MAX_TEXT;
        }
        return switch (format) {
            case "uuid" -> 36;
            case "date" -> 10;
            case "date-time" -> 35;
            default -> MAX_TEXT;
        };
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> problems = new TreeMap<>();
        boolean hasBody = operation.getRequestBody() != null;
        boolean namesResource = path.contains("{");
        if (path.startsWith("/api/")) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
            problems.put("401", "Missing, unknown, expired, revoked or invalid credentials");
            problems.put("403", "The caller's role may not do this");
        }
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
        if (path.startsWith("/api/")) {
            problems.put("429", "Too many requests from this caller in the current minute; see Retry-After");
        }
        if (path.startsWith("/api/") && method == PathItem.HttpMethod.POST) {
            operation.addParameter(OASFactory.createParameter().name("Idempotency-Key")
                    .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER)
                    .description("Makes a retry safe: the first answer is stored with the key (per credential, kept "
                            + "IDEMPOTENCY_RETENTION, default 24 hours) and a retry with the same key and body gets it "
                            + "again with Idempotency-Replayed: true, changing nothing. Same key, other body: 422; "
                            + "same key while the first is running: 409.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(255)
                            .pattern("^[\\x21-\\x7E]+$")));
            problems.put("422", "The Idempotency-Key was used before for a different request");
        }
        if (VERSIONED_ITEMS.contains(path)) {
            documentConditions(method, operation, problems);
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
        if (path.startsWith("/api/")) {
            operation.getResponses().getAPIResponses().forEach((code, response) -> {
                if (code.startsWith("2") || code.startsWith("4")) {
                    RATE_LIMIT_HEADERS.forEach((name, description) -> response.addHeader(name, integerHeader(description)));
                    response.addHeader("Access-Control-Allow-Origin", OASFactory.createHeader()
                            .description("Present when the request's Origin is one of CORS_ORIGINS")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)));
                }
                if (code.equals("429")) {
                    response.addHeader("Retry-After", integerHeader("Seconds until requests are accepted again"));
                }
            });
        }
    }

    private static APIResponse problem(String description) {
        Schema schema = OASFactory.createSchema().ref("#/components/schemas/Problem");
        MediaType media = OASFactory.createMediaType().schema(schema);
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
