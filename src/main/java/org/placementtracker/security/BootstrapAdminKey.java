package org.placementtracker.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;

/** Runs the admin key bootstrap once the database is migrated. */
public class BootstrapAdminKey {

    void onStart(@Observes StartupEvent event, ApiKeyService keys) {
        keys.bootstrap();
    }
}
