package org.placementtracker.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.placementtracker.common.ProblemException;

/** Checks every API call against {@link AccessPolicy} before anything else looks at the request. */
public class AccessFilter {

    private final CurrentIdentityAssociation identities;

    public AccessFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Void> authorize(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return Uni.createFrom().voidItem();
        }
        String template = template(resource.getResourceClass(), method);
        if (!template.startsWith("/api/")) {
            return Uni.createFrom().voidItem();
        }
        // HEAD is GET without the body (RFC 9110): the same rule, the same answer.
        String httpMethod = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
        Set<Role> allowed = AccessPolicy.allowed(httpMethod, template).orElse(null);
        return identities.getDeferredIdentity().map(identity -> {
            Caller caller = CallerIdentity.of(identity);
            if (caller == null) {
                throw unauthenticated();
            }
            // An operation without a rule is refused to everyone; the role matrix test fails the build
            // for it, so it is not logged here, where any caller could repeat it to flood the log.
            if (allowed == null || !allowed.contains(caller.role())) {
                throw new ProblemException(
                        403,
                        "forbidden",
                        "Not allowed",
                        "The " + caller.role() + " role may not " + httpMethod + " " + template);
            }
            return null;
        });
    }

    static ProblemException unauthenticated() {
        // Never say which part was wrong: missing, unknown, expired, revoked and forged look alike.
        return new ProblemException(
                401,
                "unauthenticated",
                "Authentication required",
                "Send a valid bearer token or API key in the Authorization header");
    }

    static String template(Class<?> type, Method method) {
        Path classPath = type.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        String joined =
                (classPath == null ? "" : classPath.value()) + "/" + (methodPath == null ? "" : methodPath.value());
        String normalized = joined.replaceAll("/+", "/");
        return normalized.length() > 1 && normalized.endsWith("/")
                ? normalized.substring(0, normalized.length() - 1)
                : normalized;
    }
}
