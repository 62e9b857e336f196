package org.placementtracker.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the real time unless a test moves it ahead or stops it, so a test of
 * expiry or of rate-limit windows runs in milliseconds and does not depend on when it runs. A test
 * that moves the clock puts it back ({@link #reset()}) when it ends.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;
    private volatile Instant stopped;

    @Override
    public Instant instant() {
        Instant at = stopped;
        return at != null ? at : Instant.now().plus(ahead);
    }

    /** Time jumps ahead by this much (and keeps running). */
    public void advance(Duration by) {
        Instant at = stopped;
        if (at != null) {
            stopped = at.plus(by);
        } else {
            ahead = ahead.plus(by);
        }
    }

    /** Time stands still at this instant until {@link #reset()}. */
    public void stopAt(Instant at) {
        stopped = at;
    }

    public void reset() {
        stopped = null;
        ahead = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service's clock is UTC");
    }
}
