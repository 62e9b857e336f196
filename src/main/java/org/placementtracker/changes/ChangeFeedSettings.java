package org.placementtracker.changes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** How long change-feed events are kept. */
@ConfigMapping(prefix = "pt.change-feed")
public interface ChangeFeedSettings {

    /** CHANGE_FEED_RETENTION, e.g. 30D; a follower that falls further behind gets 410. */
    @WithDefault("30D")
    @DurationMin(hours = 1, message = "CHANGE_FEED_RETENTION must be at least an hour, e.g. 30D")
    Duration retention();
}
