package org.placementtracker.common;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Rejects query parameters an operation does not declare: a typo must not silently widen a list. */
public class UnknownQueryParameterFilter {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void rejectUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Set<String> sent = request.getUriInfo().getQueryParameters().keySet();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (sent.isEmpty() || method == null) {
            return;
        }
        Set<String> allowed = declared.computeIfAbsent(method, UnknownQueryParameterFilter::queryParams);
        Set<String> unknown = new TreeSet<>(sent);
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            String name = unknown.iterator().next();
            throw ProblemException.invalidQuery(name, "is not a parameter of this operation"
                    + (allowed.isEmpty() ? " (it takes none)" : "; allowed: " + String.join(", ", new TreeSet<>(allowed))));
        }
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
