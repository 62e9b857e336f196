package org.placementtracker.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.placementtracker.common.CursorAudience;

/** Staff share their cursors; a partner firm's callers share theirs, and no one else's. */
@ApplicationScoped
public class PartnerCursorAudience implements CursorAudience {

    @Override
    public String current() {
        UUID firm = PartnerScope.currentFirm();
        return firm == null ? "staff" : "partner:" + firm;
    }
}
