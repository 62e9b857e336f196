package org.placementtracker.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock that decides what has expired and which rate-limit window a request falls in. It is a
 * bean so that tests move time instead of waiting for it.
 */
@ApplicationScoped
public class SystemClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
