package org.placementtracker.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.placementtracker.common.CallerCredential;
import org.placementtracker.common.Ids;

/**
 * Turns a verified identity-provider token into a caller: the role from the configured role claim
 * (the strongest of ours it names), the firm of a partner from the configured firm claim. A token
 * without one of our roles, or a partner token without a firm, authenticates no one.
 */
@ApplicationScoped
public class TokenRoles implements SecurityIdentityAugmentor {

    private final String firmClaim;

    public TokenRoles(SecuritySettings settings) {
        this.firmClaim = settings.jwtFirmClaim();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken token)
                || identity.getAttribute(CallerIdentity.ROLE) != null) {
            return Uni.createFrom().item(identity);
        }
        Role role = Role.strongest(identity.getRoles());
        if (role == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        UUID firm = null;
        if (role == Role.PARTNER) {
            Object claim = token.getClaim(firmClaim);
            firm = claim == null
                    ? null
                    : Ids.parse(claim.toString().replace("\"", "")).orElse(null);
            if (firm == null) {
                return Uni.createFrom().failure(new AuthenticationFailedException());
            }
        }
        String name = token.getName() != null ? token.getName() : token.getSubject();
        // The caller has the one role chosen above, whatever else the token's groups list: the role
        // that @RolesAllowed checks is the role the rest of the service acts on.
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRole(role.name())
                .addAttribute(CallerIdentity.ROLE, role)
                .addAttribute(CallerIdentity.NAME, name)
                .addAttribute(CallerCredential.ATTRIBUTE, "token:" + token.getIssuer() + "/" + token.getSubject());
        if (firm != null) {
            builder.addAttribute(CallerIdentity.FIRM, firm);
        }
        return Uni.createFrom().item(builder.build());
    }
}
