package org.placementtracker.security;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.placementtracker.common.CursorAudience;

/** Staff share their cursors; a partner firm's callers share theirs, and no one else's. */
@ApplicationScoped
public class PartnerCursorAudience implements CursorAudience {

    @Override
    public String current() {
        if (!Arc.container().requestContext().isActive()) {
            return "staff";
        }
        UUID firm = Arc.container().instance(PartnerScope.class).get().firm();
        return firm == null ? "staff" : "partner:" + firm;
    }
}
