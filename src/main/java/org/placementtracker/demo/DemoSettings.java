package org.placementtracker.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether the demo data set is loaded at start. */
@ConfigMapping(prefix = "pt.demo-data")
public interface DemoSettings {

    /** DEMO_DATA: true loads the demo data set once. */
    @WithDefault("false")
    boolean enabled();
}
