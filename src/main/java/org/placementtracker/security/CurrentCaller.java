package org.placementtracker.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.placementtracker.common.ProblemException;

/**
 * The caller of the current request, for the services that narrow what a partner sees. Outside a
 * request (startup, demo data) there is no caller and nothing is narrowed.
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Optional<Caller> get() {
        return Optional.ofNullable(CallerIdentity.of(identity));
    }

    /** The caller, who must be authenticated (the access filter has made sure). */
    public Caller required() {
        return get().orElseThrow(() -> new ProblemException(
                401, "unauthenticated", "Authentication required", "Send a valid bearer token or API key"));
    }

    /** The firm a partner is bound to; null for every other caller. */
    public UUID partnerFirm() {
        return get().filter(Caller::isPartner).map(Caller::firmId).orElse(null);
    }
}
