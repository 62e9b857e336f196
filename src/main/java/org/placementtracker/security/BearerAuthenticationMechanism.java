package org.placementtracker.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JWTAuthMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.HashSet;
import java.util.Set;
import org.placementtracker.common.RateLimit;

/**
 * One bearer scheme for both kinds of caller: tokens with the API key prefix are looked up as
 * keys; every other bearer token is verified as a JWT from the identity provider. The scheme name
 * is case-insensitive and may be followed by more than one space (RFC 9110, RFC 6750); a request
 * with more than one Authorization header is not authenticated at all.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "bearer ";

    private final JWTAuthMechanism jwt;
    private final RateLimit rateLimit;

    public BearerAuthenticationMechanism(JWTAuthMechanism jwt, RateLimit rateLimit) {
        this.jwt = jwt;
        this.rateLimit = rateLimit;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        // Two credentials in one request: which one speaks? Neither (RFC 9110 allows one Authorization).
        if (context.request().headers().getAll("Authorization").size() > 1) {
            return Uni.createFrom().failure(new AuthenticationFailedException("more than one Authorization header"));
        }
        String header = context.request().getHeader("Authorization");
        Uni<SecurityIdentity> identity;
        if (header != null
                && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && ApiKeys.looksLikeKey(header.substring(BEARER.length()).trim())) {
            identity = identities.authenticate(new ApiKeyAuthenticationRequest(
                    header.substring(BEARER.length()).trim()));
        } else {
            identity = jwt.authenticate(context, identities);
        }
        return identity.invoke(accepted -> {
            if (accepted != null && !accepted.isAnonymous() && header != null) {
                rateLimit.recognise(header);
            }
        });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        Set<Class<? extends AuthenticationRequest>> types = new HashSet<>(jwt.getCredentialTypes());
        types.add(ApiKeyAuthenticationRequest.class);
        return types;
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
