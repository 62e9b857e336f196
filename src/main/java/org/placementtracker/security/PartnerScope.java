package org.placementtracker.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Priorities;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The firm whose rows the current request may touch: set once the caller is known, for a partner
 * only, and read by {@link PartnerConnections} whenever the request takes a database connection.
 * Connections taken before it is set (the API-key lookup that finds the caller) see what the
 * service's own role sees; they only ever read the caller's key.
 */
@RequestScoped
public class PartnerScope {

    private volatile UUID firm;

    /** The partner's firm, or null for staff and outside an API request. */
    public UUID firm() {
        return firm;
    }

    /** The partner's firm of the request running on this thread, or null (staff, or no request). */
    static UUID currentFirm() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return Arc.container().instance(PartnerScope.class).get().firm();
    }

    void set(UUID firm) {
        this.firm = firm;
    }

    /** Learns the caller before any resource method runs, and with it the scope. */
    public static class Filter {

        private final CurrentIdentityAssociation identities;
        private final PartnerScope scope;

        public Filter(CurrentIdentityAssociation identities, PartnerScope scope) {
            this.identities = identities;
            this.scope = scope;
        }

        @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
        public Uni<Void> scope() {
            return identities.getDeferredIdentity().map(identity -> {
                Caller caller = CallerIdentity.of(identity);
                if (caller != null && caller.isPartner()) {
                    scope.set(caller.firmId());
                }
                return null;
            });
        }
    }
}
