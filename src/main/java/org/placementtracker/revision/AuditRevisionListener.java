package org.placementtracker.revision;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import org.hibernate.envers.RevisionListener;
import org.placementtracker.security.Caller;
import org.placementtracker.security.CurrentCaller;

/** Stamps each revision with the request's caller; work outside a request is the system's. */
public class AuditRevisionListener implements RevisionListener {

    static final String SYSTEM = "system";

    @Override
    public void newRevision(Object revisionEntity) {
        AuditRevision revision = (AuditRevision) revisionEntity;
        Caller caller = currentCaller();
        revision.actor = caller == null ? SYSTEM : caller.name();
        revision.actorRole =
                caller == null ? SYSTEM.toUpperCase() : caller.role().name();
        revision.actorFirmId = caller == null || !caller.isPartner() ? null : caller.firmId();
    }

    private static Caller currentCaller() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return null;
        }
        return Arc.container().instance(CurrentCaller.class).get().get().orElse(null);
    }
}
