package org.placementtracker.boot;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says loudly, in the service's log, when it runs on the built-in database and how to leave it. */
public class EmbeddedDatabaseNotice {

    static final String DATA_DIR_PROPERTY = "pt.embedded-database.data-dir";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseNotice.class);

    void onStart(@Observes StartupEvent event) {
        String dataDir = System.getProperty(DATA_DIR_PROPERTY);
        if (dataDir != null) {
            LOG.warnf(
                    "DB_URL is not set, so the service runs on a built-in local PostgreSQL with its data in %s "
                            + "(kept across restarts). To use a PostgreSQL server set DB_URL "
                            + "(e.g. jdbc:postgresql://host:5432/placement_tracker), DB_USER and DB_PASSWORD.",
                    dataDir);
        }
    }
}
