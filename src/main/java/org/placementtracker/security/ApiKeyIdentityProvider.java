package org.placementtracker.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.placementtracker.common.CallerCredential;

/** Looks API keys up in the database on every request, so a revoked key stops working at once. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeyService keys;

    public ApiKeyIdentityProvider(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> keys.authenticate(request.key())
                .map(ApiKeyIdentityProvider::identity)
                .orElseThrow(AuthenticationFailedException::new));
    }

    private static SecurityIdentity identity(Caller caller) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.name()))
                .addRole(caller.role().name())
                .addAttribute(CallerIdentity.ROLE, caller.role())
                .addAttribute(CallerIdentity.NAME, caller.name())
                .addAttribute(CallerCredential.ATTRIBUTE, caller.credential());
        if (caller.firmId() != null) {
            builder.addAttribute(CallerIdentity.FIRM, caller.firmId());
        }
        return builder.build();
    }
}
