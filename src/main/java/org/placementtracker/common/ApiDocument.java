package org.placementtracker.common;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What the OpenAPI document says beyond the annotations, derived from what each operation is, so
 * that one rule covers every operation and stays true as operations are added: the problems any
 * operation can answer, the headers every answer carries, conditional requests on versioned
 * resources, idempotent POSTs, a patch schema per resource, and a document that client generators
 * read without warnings (no {@code type} beside {@code $ref}, no models named after Java types,
 * every error typed as a problem).
 */
public class ApiDocument implements OASFilter {

    private static final String BEARER = "bearer";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    /** Sent with every API answer by {@link RateLimit}; sorted, so the document is the same on every build. */
    private static final Map<String, String> RATE_LIMIT_HEADERS = new TreeMap<>(Map.of(
            "RateLimit-Limit", "Requests allowed per caller per minute (per instance)",
            "RateLimit-Remaining", "Requests left in the current minute",
            "RateLimit-Reset", "Seconds until the current minute's window ends"));

    /** Single resources that carry a version, and so an ETag (see {@link ETags}, {@link Preconditions}). */
    private static final Set<String> VERSIONED_ITEMS = Set.of(
            "/api/v1/majors/{code}",
            "/api/v1/students/{id}",
            "/api/v1/firms/{id}",
            "/api/v1/order-classes/{id}",
            "/api/v1/rotations/{id}",
            "/api/v1/placements/{id}");

    /**
     * Java types the scanner turns into models of their own; a generator would name a class after
     * them (LocalDate, UUID) and clash with the language's own. They are plain strings on the wire.
     */
    private static final Set<String> SCALARS = Set.of("LocalDate", "Instant", "UUID");

    /** Longest text the schema allows anywhere (status reasons); every text column fits in it. */
    private static final int MAX_TEXT = 500;
    /** No array the API takes or gives is longer: pages hold 200 rows, a batch at most 10,000. */
    private static final int MAX_ITEMS = 10_000;

    /**
     * States the bounds the service enforces but annotations cannot carry: text fits the database
     * columns, whole numbers are 32-bit, arrays are bounded.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getType() == null || schema.getRef() != null) {
            return schema;
        }
        if (schema.getType().contains(SchemaType.STRING)
                && schema.getMaxLength() == null
                && schema.getEnumeration() == null) {
            schema.setMaxLength(maxLengthOf(schema.getFormat()));
        }
        if (schema.getType().contains(SchemaType.INTEGER)) {
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
            }
            if (schema.getMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(Integer.MIN_VALUE));
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(Integer.MAX_VALUE));
            }
            if (schema.getDefaultValue() instanceof String text) {
                schema.setDefaultValue(Integer.valueOf(text));
            }
        }
        if (schema.getType().contains(SchemaType.BOOLEAN) && schema.getDefaultValue() instanceof String text) {
            schema.setDefaultValue(Boolean.valueOf(text));
        }
        if (schema.getType().contains(SchemaType.ARRAY) && schema.getMaxItems() == null) {
            schema.setMaxItems(MAX_ITEMS);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        everySchema(openAPI, ApiDocument::plainReference);
        Set<String> versionedViews = versionedViews(openAPI);
        Map<String, List<String>> roles = DeclaredRoles.beside(ApiDocument.class);
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                    document(openAPI, path, method, operation, versionedViews);
                    roles(operation, roles.getOrDefault(method.name() + " " + path, List.of()));
                }));
        declareBearerScheme(openAPI);
        dropUnusedSchemas(openAPI);
        // The one server is the host that serves the document, for the school's own clients and its partners.
        if (openAPI.getServers() != null) {
            openAPI.getServers().forEach(server -> server.addExtension("x-internal", false));
        }
    }

    // ---- each operation ---------------------------------------------------------------------------

    /**
     * Who may call the operation, as its resource method declares it: {@code x-roles} for tools and
     * a sentence for readers. Generated from the code, so the document cannot drift from it.
     */
    private static void roles(Operation operation, List<String> roles) {
        operation.addExtension("x-roles", roles);
        String who = roles.isEmpty()
                ? "Roles: none (the operation declares no role and is refused to everyone)."
                : "Roles: " + String.join(", ", roles) + ".";
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? who : description + " " + who);
    }

    private static void document(
            OpenAPI openAPI, String path, PathItem.HttpMethod method, Operation operation, Set<String> versionedViews) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        Map<String, String> problems = new TreeMap<>();
        boolean api = path.startsWith("/api/");
        boolean write = method == PathItem.HttpMethod.POST
                || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.DELETE
                || method == PathItem.HttpMethod.PUT;
        if (api) {
            operation.addSecurityRequirement(
                    OASFactory.createSecurityRequirement().addScheme(BEARER));
            problems.put("401", "Missing, unknown, expired, revoked or invalid credentials");
            problems.put("403", "The caller's role may not do this");
            problems.put("429", "Too many requests from this caller in the current minute; see Retry-After");
        }
        problems.put(
                "400",
                "Invalid request: malformed JSON, wrong types, unknown fields or query parameters, "
                        + "or values that break a rule (see `errors`)");
        if (path.contains("{")) {
            problems.put("404", "No such resource");
        }
        if (write) {
            problems.put(
                    "409",
                    "Conflicts with the current state (duplicate, overlap, quota, still referenced, "
                            + "illegal status change)");
        }
        if (operation.getRequestBody() != null) {
            problems.put("413", "Request body too large");
            problems.put("415", "Unsupported Content-Type");
            patchSchema(openAPI, operation);
            examplesInSchema(operation);
        }
        if (api && method == PathItem.HttpMethod.POST) {
            idempotent(operation, problems);
        }
        if (VERSIONED_ITEMS.contains(path)) {
            conditional(method, operation, problems);
        }
        problems.put("500", "Unexpected error; the detail carries an error id");
        problems.forEach((code, description) -> {
            if (operation.getResponses().getAPIResponse(code) == null) {
                operation
                        .getResponses()
                        .addAPIResponse(code, OASFactory.createAPIResponse().description(description));
            }
        });
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                typedAsProblem(response);
            }
            if (code.equals("201")) {
                created(response, versionedViews);
            }
            if (api && (code.startsWith("2") || code.startsWith("3") || code.startsWith("4"))) {
                RATE_LIMIT_HEADERS.forEach((name, description) -> response.addHeader(name, integerHeader(description)));
                response.addHeader(
                        "Access-Control-Allow-Origin",
                        OASFactory.createHeader()
                                .description("Present when the request's Origin is one of CORS_ORIGINS")
                                .schema(OASFactory.createSchema()
                                        .addType(SchemaType.STRING)
                                        .format("uri")
                                        .maxLength(200)));
            }
            if (code.equals("429")) {
                response.addHeader("Retry-After", integerHeader("Seconds until requests are accepted again"));
            }
        });
    }

    /** An error answer without a body schema would reach a generated client untyped. */
    private static void typedAsProblem(APIResponse response) {
        if (response.getContent() == null
                || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty()) {
            response.setContent(OASFactory.createContent()
                    .addMediaType(
                            Problem.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref(SCHEMAS + "Problem"))));
        }
    }

    /** A create answers with the new resource, where it lives and, for a versioned one, its ETag. */
    private static void created(APIResponse response, Set<String> versionedViews) {
        response.addHeader(
                "Location",
                OASFactory.createHeader()
                        .description("Where the new resource lives")
                        .required(true)
                        .schema(OASFactory.createSchema()
                                .addType(SchemaType.STRING)
                                .format("uri-reference")
                                .maxLength(200)));
        MediaType json = response.getContent() == null
                ? null
                : response.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        if (json != null
                && json.getSchema() != null
                && versionedViews.contains(json.getSchema().getRef())) {
            response.addHeader("ETag", etagHeader());
        }
    }

    /** The response schemas of the versioned resources: their creates carry an ETag too. */
    private static Set<String> versionedViews(OpenAPI openAPI) {
        Set<String> views = new HashSet<>();
        for (String path : VERSIONED_ITEMS) {
            PathItem item = openAPI.getPaths().getPathItem(path);
            APIResponse ok = item == null || item.getGET() == null
                    ? null
                    : item.getGET().getResponses().getAPIResponse("200");
            MediaType json = ok == null || ok.getContent() == null
                    ? null
                    : ok.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
            if (json != null && json.getSchema() != null && json.getSchema().getRef() != null) {
                views.add(json.getSchema().getRef());
            }
        }
        return views;
    }

    private static void idempotent(Operation operation, Map<String, String> problems) {
        operation.addParameter(OASFactory.createParameter()
                .name("Idempotency-Key")
                .in(Parameter.In.HEADER)
                .description("Makes a retry safe: the first answer is stored with the key (per credential, kept "
                        + "IDEMPOTENCY_RETENTION, default 24 hours) and a retry with the same key and body gets it "
                        + "again with Idempotency-Replayed: true, changing nothing. Same key, other body: 422; "
                        + "same key while the first is running: 409.")
                .schema(OASFactory.createSchema()
                        .addType(SchemaType.STRING)
                        .minLength(1)
                        .maxLength(255)
                        .pattern("^[\\x21-\\x7E]+$")));
        problems.put("422", "The Idempotency-Key was used before for a different request");
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("2")) {
                response.addHeader(
                        "Idempotency-Replayed",
                        OASFactory.createHeader()
                                .description("true when this is the stored answer to an earlier request with the same "
                                        + "Idempotency-Key")
                                .schema(OASFactory.createSchema()
                                        .addType(SchemaType.STRING)
                                        .addEnumeration("true")));
            }
        });
    }

    private static void conditional(PathItem.HttpMethod method, Operation operation, Map<String, String> problems) {
        boolean read = method == PathItem.HttpMethod.GET;
        operation.addParameter(OASFactory.createParameter()
                .name(read ? "If-None-Match" : "If-Match")
                .in(Parameter.In.HEADER)
                .description(
                        read
                                ? "An ETag from an earlier read: 304 without a body if it is still current"
                                : "The ETag the change is based on: 412 if the resource has changed since (required when "
                                        + "REQUIRE_IF_MATCH=true, else optional)")
                .schema(OASFactory.createSchema()
                        .addType(SchemaType.STRING)
                        .maxLength(ETags.CONDITION_MAX_LENGTH)
                        .pattern(ETags.CONDITION_PATTERN)));
        if (read) {
            operation
                    .getResponses()
                    .addAPIResponse(
                            "304",
                            OASFactory.createAPIResponse()
                                    .description("Not modified: the If-None-Match ETag is current"));
        } else {
            problems.put("412", "If-Match names an older version: read the resource again; nothing was changed");
            problems.put("428", "If-Match is required (REQUIRE_IF_MATCH=true) and was not sent");
        }
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok != null) {
            ok.addHeader("ETag", etagHeader());
        }
    }

    private static Header etagHeader() {
        return OASFactory.createHeader()
                .description("Strong ETag: the resource's version")
                .schema(OASFactory.createSchema()
                        .addType(SchemaType.STRING)
                        .maxLength(22)
                        .pattern("^\"[0-9]+\"$"));
    }

    private static Header integerHeader(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema()
                        .addType(SchemaType.INTEGER)
                        .format("int32")
                        .minimum(BigDecimal.ZERO)
                        .maximum(BigDecimal.valueOf(Integer.MAX_VALUE)));
    }

    // ---- merge patches ----------------------------------------------------------------------------

    /**
     * A merge patch of a resource is its request form with every field optional; an optional field
     * may also be null, which clears it (RFC 7396). Resources declare the request form; the patch
     * form is derived here, so the two never drift apart.
     */
    private static void patchSchema(OpenAPI openAPI, Operation operation) {
        Content content = operation.getRequestBody().getContent();
        MediaType patch = content == null ? null : content.getMediaType(MERGE_PATCH);
        if (patch == null || patch.getSchema() == null || patch.getSchema().getRef() == null) {
            return;
        }
        String requestName = patch.getSchema().getRef().substring(SCHEMAS.length());
        String patchName = requestName.replaceFirst("Request$", "") + "Patch";
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Schema request = schemas.get(requestName);
        if (request == null) {
            return;
        }
        if (!schemas.containsKey(patchName)) {
            Schema form = OASFactory.createSchema()
                    .addType(SchemaType.OBJECT)
                    .description(
                            "Changes to "
                                    + (request.getDescription() == null
                                            ? requestName
                                            : lowerFirst(request.getDescription()))
                                    + ", as a JSON merge patch (RFC 7396): only the fields sent change; null clears an optional field");
            List<String> required = request.getRequired() == null ? List.of() : request.getRequired();
            Map<String, Schema> properties = new LinkedHashMap<>();
            request.getProperties()
                    .forEach((name, property) ->
                            properties.put(name, required.contains(name) ? copy(property) : nullable(property)));
            form.setProperties(properties);
            openAPI.getComponents().addSchema(patchName, form);
        }
        patch.setSchema(OASFactory.createSchema().ref(SCHEMAS + patchName));
    }

    private static Schema nullable(Schema property) {
        Schema schema = copy(property);
        if (schema.getRef() != null) {
            Schema wrapper = OASFactory.createSchema().description(schema.getDescription());
            schema.setDescription(null);
            wrapper.setExamples(schema.getExamples());
            schema.setExamples(null);
            wrapper.addAnyOf(OASFactory.createSchema().ref(schema.getRef()));
            wrapper.addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
            return wrapper;
        }
        if (schema.getType() != null && !schema.getType().contains(SchemaType.NULL)) {
            List<SchemaType> types = new ArrayList<>(schema.getType());
            types.add(SchemaType.NULL);
            schema.setType(types);
        }
        return schema;
    }

    private static Schema copy(Schema schema) {
        Schema copy = OASFactory.createSchema();
        copy.setAll(new LinkedHashMap<>(schema.getAll()));
        return copy;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * A JSON body's example goes with its schema (JSON Schema {@code examples}), where Swagger UI fills
     * "Try it out" from it and client generators expect it; generators do not read a named example of
     * a model body, and say so.
     */
    private static void examplesInSchema(Operation operation) {
        Content content = operation.getRequestBody().getContent();
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            boolean json = type.equals(jakarta.ws.rs.core.MediaType.APPLICATION_JSON) || type.equals(MERGE_PATCH);
            if (json
                    && media.getSchema() != null
                    && media.getExamples() != null
                    && !media.getExamples().isEmpty()) {
                media.getSchema()
                        .setExamples(List.of(
                                media.getExamples().values().iterator().next().getValue()));
                media.setExamples(null);
            }
        });
    }

    // ---- every schema -----------------------------------------------------------------------------

    /**
     * A $ref stands alone: a generator drops a {@code type} written beside it (and warns). A ref to one
     * of the {@link #SCALARS} becomes the plain string it is.
     */
    private static void plainReference(OpenAPI openAPI, Schema schema) {
        if (schema.getRef() == null || !schema.getRef().startsWith(SCHEMAS)) {
            return;
        }
        String name = schema.getRef().substring(SCHEMAS.length());
        Schema scalar =
                SCALARS.contains(name) ? openAPI.getComponents().getSchemas().get(name) : null;
        if (scalar != null) {
            schema.setRef(null);
            schema.setType(scalar.getType());
            schema.setFormat(scalar.getFormat());
            schema.setPattern(scalar.getPattern());
            schema.setMaxLength(scalar.getMaxLength());
            return;
        }
        for (String keyword : List.of(
                "type",
                "format",
                "maxLength",
                "minLength",
                "pattern",
                "enum",
                "minimum",
                "maximum",
                "items",
                "properties",
                "required")) {
            schema.set(keyword, null);
        }
    }

    private interface SchemaVisitor {
        void visit(OpenAPI openAPI, Schema schema);
    }

    /** Visits every schema of the document, nested ones included, each once. */
    private static void everySchema(OpenAPI openAPI, SchemaVisitor visitor) {
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Consumer<Schema> walk = new Consumer<>() {
            @Override
            public void accept(Schema schema) {
                if (schema == null || !seen.add(schema)) {
                    return;
                }
                visitor.visit(openAPI, schema);
                if (schema.getProperties() != null) {
                    schema.getProperties().values().forEach(this);
                }
                accept(schema.getItems());
                accept(schema.getNot());
                for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                    if (list != null) {
                        list.forEach(this);
                    }
                }
                if (schema.getAdditionalPropertiesSchema() != null) {
                    accept(schema.getAdditionalPropertiesSchema());
                }
            }
        };
        if (openAPI.getComponents().getSchemas() != null) {
            new ArrayList<>(openAPI.getComponents().getSchemas().values()).forEach(walk);
        }
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> walk.accept(p.getSchema()));
                    }
                    if (operation.getRequestBody() != null) {
                        contentSchemas(operation.getRequestBody().getContent(), walk);
                    }
                    if (operation.getResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(response -> {
                            contentSchemas(response.getContent(), walk);
                            if (response.getHeaders() != null) {
                                response.getHeaders().values().forEach(h -> walk.accept(h.getSchema()));
                            }
                        });
                    }
                }));
    }

    private static void contentSchemas(Content content, Consumer<Schema> walk) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> walk.accept(m.getSchema()));
        }
    }

    /** Models nothing refers to any more (the scalars, a replaced patch body) would still be generated. */
    private static void dropUnusedSchemas(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        List<String> pending = new ArrayList<>();
        Consumer<String> reached = name -> {
            if (used.add(name)) {
                pending.add(name);
            }
        };
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> refsWithin(p.getSchema(), reached));
                    }
                    if (operation.getRequestBody() != null) {
                        contentSchemas(operation.getRequestBody().getContent(), root -> refsWithin(root, reached));
                    }
                    if (operation.getResponses() != null) {
                        operation
                                .getResponses()
                                .getAPIResponses()
                                .values()
                                .forEach(r -> contentSchemas(r.getContent(), root -> refsWithin(root, reached)));
                    }
                }));
        while (!pending.isEmpty()) {
            refsWithin(schemas.get(pending.remove(pending.size() - 1)), reached);
        }
        new ArrayList<>(schemas.keySet())
                .stream().filter(name -> !used.contains(name)).forEach(openAPI.getComponents()::removeSchema);
    }

    private static void refsWithin(Schema schema, Consumer<String> onRef) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            onRef.accept(schema.getRef().substring(SCHEMAS.length()));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> refsWithin(p, onRef));
        }
        refsWithin(schema.getItems(), onRef);
        for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (list != null) {
                list.forEach(s -> refsWithin(s, onRef));
            }
        }
        refsWithin(schema.getAdditionalPropertiesSchema(), onRef);
    }

    // ---- the rest ---------------------------------------------------------------------------------

    /** One scheme for both credentials, so Swagger UI's Authorize button takes either. */
    private static void declareBearerScheme(OpenAPI openAPI) {
        openAPI.getComponents()
                .addSecurityScheme(
                        BEARER,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description(
                                        "An API key (ptk_...) from POST /api/v1/api-keys, or a JWT from the school's identity "
                                                + "provider, verified as RFC8725 advises: a signature is required (alg none is refused), "
                                                + "the algorithm is fixed to RS256, and issuer and expiry are checked"));
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
}
