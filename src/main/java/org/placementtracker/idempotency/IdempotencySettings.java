package org.placementtracker.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** How long answers to keyed POSTs are kept for replay. */
@ConfigMapping(prefix = "pt.idempotency")
public interface IdempotencySettings {

    /** IDEMPOTENCY_RETENTION, e.g. 24H or 7D. */
    @WithDefault("24H")
    @DurationMin(minutes = 1, message = "IDEMPOTENCY_RETENTION must be at least a minute, e.g. 24H")
    Duration retention();
}
