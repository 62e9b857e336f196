package org.placementtracker.common;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks what every operation receives in its URL before the operation runs: query parameters it
 * does not declare are refused (a typo must not silently widen a list), and no path or query value
 * may hold text PostgreSQL cannot store ({@link Text#unstorable}), so a NUL in {@code q} or in
 * {@code /majors/a%00b} is a 400 naming the parameter instead of a database error. A body without
 * a Content-Type is refused rather than guessed at.
 */
public class ParameterFilter {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter(preMatching = true)
    public void requireContentType(ContainerRequestContext request) {
        if (request.getHeaderString("Content-Type") != null) {
            return;
        }
        String length = request.getHeaderString("Content-Length");
        boolean hasBody = request.getHeaderString("Transfer-Encoding") != null
                || (length != null && !length.trim().equals("0"));
        if (hasBody) {
            throw new ProblemException(
                    415,
                    "unsupported-media-type",
                    "Unsupported media type",
                    "The request has a body but no Content-Type; send Content-Type: application/json");
        }
    }

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        for (Map.Entry<String, List<String>> parameter : path.entrySet()) {
            for (String value : parameter.getValue()) {
                Text.unstorable(value).ifPresent(reason -> {
                    throw new ProblemException(
                            400,
                            "invalid-path-parameter",
                            "Path parameter is not valid",
                            "Path parameter '" + parameter.getKey() + "' " + reason,
                            List.of(new FieldError(parameter.getKey(), reason)));
                });
            }
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (query.isEmpty() || method == null) {
            return;
        }
        Set<String> allowed = declared.computeIfAbsent(method, ParameterFilter::queryParams);
        Set<String> unknown = new TreeSet<>(query.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            String name = unknown.iterator().next();
            throw ProblemException.invalidQuery(
                    printable(name),
                    "is not a parameter of this operation"
                            + (allowed.isEmpty()
                                    ? " (it takes none)"
                                    : "; allowed: " + String.join(", ", new TreeSet<>(allowed))));
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                Text.unstorable(value).ifPresent(reason -> {
                    throw ProblemException.invalidQuery(parameter.getKey(), reason);
                });
            }
        }
    }

    /** A name fit to repeat in an answer. */
    private static String printable(String name) {
        String shown = Text.unstorable(name).isPresent() ? "?" : name;
        return shown.length() > 100 ? shown.substring(0, 100) + "…" : shown;
    }

    private static Set<String> queryParams(Method method) {
        Set<String> names = new HashSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                }
            }
        }
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] all = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            for (Annotation a : all[i]) {
                if (a instanceof BeanParam) {
                    for (Field f : types[i].getDeclaredFields()) {
                        QueryParam q = f.getAnnotation(QueryParam.class);
                        if (q != null) {
                            names.add(q.value());
                        }
                    }
                }
            }
        }
        return names;
    }
}
