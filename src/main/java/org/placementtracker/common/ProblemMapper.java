package org.placementtracker.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become RFC 9457 problem details. Nothing here reveals Java
 * class names, SQL or stack traces: unexpected failures are logged with an error id that the
 * answer repeats.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), Problem.of(e, uri == null ? null : uri.getPath()));
    }

    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream()
                .anyMatch(v -> v.getPropertyPath().toString().contains("<return value>"))) {
            return unexpected(e, uri);
        }
        return validation(e.getConstraintViolations(), uri);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        return validation(e.getConstraintViolations(), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return problem(JsonProblems.of(e), uri);
    }

    /** More specific than Quarkus' own mapper for this type, which would answer in plain text. */
    @ServerExceptionMapper
    public Response json(MismatchedInputException e, UriInfo uri) {
        return problem(JsonProblems.of(e), uri);
    }

    /** Failed authentication never says which part was wrong. */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return respond(
                401,
                "unauthenticated",
                "Authentication required",
                "Send a valid bearer token or API key in the Authorization header",
                uri,
                List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Not allowed", "This caller may not do that", uri, List.of());
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return respond(
                409,
                "concurrent-modification",
                "Modified concurrently",
                "The resource was changed by another request; read it again and retry",
                uri,
                List.of());
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        return databaseProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e instanceof TypedParameters.Refused refused) {
            return problem(refused.problem(), uri);
        }
        int status = e.getResponse().getStatus();
        JsonProcessingException json = jsonCause(e);
        if (status == 400 && json != null) {
            return problem(JsonProblems.of(json), uri);
        }
        return switch (status) {
            case 404 -> respond(404, "not-found", "Resource not found", "No resource at this path", uri, List.of());
            case 405 ->
                respond(
                        405,
                        "method-not-allowed",
                        "Method not allowed",
                        "This resource does not support that HTTP method",
                        uri,
                        List.of());
            case 406 ->
                respond(
                        406,
                        "not-acceptable",
                        "Not acceptable",
                        "No representation matches the Accept header",
                        uri,
                        List.of());
            case 413 ->
                respond(
                        413,
                        "payload-too-large",
                        "Request body too large",
                        "The request body exceeds the allowed size",
                        uri,
                        List.of());
            case 415 ->
                respond(
                        415,
                        "unsupported-media-type",
                        "Unsupported media type",
                        "The request's Content-Type is not supported here: send application/json, "
                                + "application/merge-patch+json for PATCH, or text/csv to a batch import",
                        uri,
                        List.of());
            default ->
                status >= 500
                        ? unexpected(e, uri)
                        : respond(
                                status,
                                "bad-request",
                                "Bad request",
                                "The request could not be understood",
                                uri,
                                List.of());
        };
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Response fromDatabase = DatabaseConstraints.problemFor(e) == null ? null : databaseProblem(e, uri);
        if (fromDatabase != null) {
            return fromDatabase;
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri == null ? "?" : uri.getPath());
        return respond(
                500,
                "internal-error",
                "Internal error",
                "An unexpected error occurred; quote error id " + errorId + " when reporting it",
                uri,
                List.of());
    }

    private Response databaseProblem(Throwable e, UriInfo uri) {
        ProblemException known = DatabaseConstraints.problemFor(e);
        if (known == null) {
            return unexpected(new IllegalStateException("database failure", e), uri);
        }
        return problem(known, uri);
    }

    private Response validation(Set<? extends ConstraintViolation<?>> violations, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        boolean allQuery = !violations.isEmpty();
        for (ConstraintViolation<?> v : violations) {
            String query = queryParameter(v);
            allQuery &= query != null;
            errors.add(new FieldError(query != null ? query : fieldName(v), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        if (allQuery) {
            return respond(
                    400,
                    "invalid-query-parameter",
                    "Query parameter is not valid",
                    "Invalid query parameters: " + fields,
                    uri,
                    errors);
        }
        return respond(400, "validation-failed", "Request is not valid", "Invalid fields: " + fields, uri, errors);
    }

    /**
     * The query parameter a violation is about, or null: a resource method's parameter, or a field of
     * a {@code @BeanParam} that gathers several.
     */
    private static String queryParameter(ConstraintViolation<?> violation) {
        Path.Node last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node;
        }
        if (last == null) {
            return null;
        }
        if (last.getKind() == ElementKind.PARAMETER) {
            String name = fieldName(violation);
            return name.equals("body") ? null : name;
        }
        if (last.getKind() == ElementKind.PROPERTY && violation.getLeafBean() != null) {
            for (Class<?> c = violation.getLeafBean().getClass();
                    c != null && c != Object.class;
                    c = c.getSuperclass()) {
                try {
                    QueryParam query = c.getDeclaredField(last.getName()).getAnnotation(QueryParam.class);
                    return query == null ? null : query.value();
                } catch (NoSuchFieldException e) {
                    // declared further up
                }
            }
        }
        return null;
    }

    /**
     * The field as the client knows it: the body's property path without the method and parameter
     * nodes, or, for a constraint on a query or path parameter itself, that parameter's name.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        String method = null;
        List<Class<?>> parameterTypes = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD) {
                method = node.getName();
                parameterTypes = node.as(Path.MethodNode.class).getParameterTypes();
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = wireName(
                        violation.getRootBeanClass(),
                        method,
                        parameterTypes,
                        node.as(Path.ParameterNode.class).getParameterIndex());
                continue;
            }
            if (kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            return parameter != null ? parameter : "body";
        }
        return String.join(".", parts);
    }

    /**
     * The query or path name of a resource method's parameter; null for the body. The class may be
     * a generated subclass whose override carries no annotations, so the hierarchy is searched.
     */
    private static String wireName(Class<?> type, String method, List<Class<?>> parameterTypes, int index) {
        if (method == null || parameterTypes == null) {
            return null;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(method, parameterTypes.toArray(Class<?>[]::new));
                for (Annotation a : m.getParameterAnnotations()[index]) {
                    if (a instanceof QueryParam q) {
                        return q.value();
                    }
                    if (a instanceof PathParam p) {
                        return p.value();
                    }
                }
            } catch (NoSuchMethodException e) {
                // declared further up
            }
        }
        return null;
    }

    private static Response respond(
            int status, String slug, String title, String detail, UriInfo uri, List<FieldError> errors) {
        return respond(status, Problem.of(status, slug, title, detail, uri == null ? null : uri.getPath(), errors));
    }

    private static Response respond(int status, Problem body) {
        Response.ResponseBuilder response =
                Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
        if (status == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }

    private static JsonProcessingException jsonCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
