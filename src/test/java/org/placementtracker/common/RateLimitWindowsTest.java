package org.placementtracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The limiter's memory and its reading of X-Forwarded-For, without a server. */
class RateLimitWindowsTest {

    @Test
    void aFloodOfNewCallersIsCountedInOneOverflowWindow() {
        RateLimit limit = new RateLimit(5, 100, Optional.empty(), Clock.systemUTC());
        for (int i = 0; i < 10_000; i++) {
            limit.take("address:" + i, 1);
        }
        assertEquals(101, limit.tracked());
        assertEquals(10_000 - 100 + 1, limit.take("address:new", 1));
        assertEquals(2, limit.take("address:7", 1));
    }

    @Test
    void aNewMinuteStartsAfresh() {
        RateLimit limit = new RateLimit(5, 100, Optional.empty(), Clock.systemUTC());
        for (int i = 0; i < 50; i++) {
            limit.take("address:" + i, 1);
        }
        assertEquals(1, limit.take("address:1", 2));
        assertEquals(1, limit.tracked());
    }

    @Test
    void forwardedForIsReadFromTheRightPastTrustedProxies() {
        TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.0.2.1", "fd00::/8"));
        assertEquals("203.0.113.5", proxies.clientOf("10.1.2.3", List.of("198.51.100.1, 203.0.113.5, 192.0.2.1")));
        assertEquals("203.0.113.5", proxies.clientOf("10.1.2.3", List.of("198.51.100.1", "203.0.113.5")));
        assertEquals("203.0.113.9", proxies.clientOf("203.0.113.9", List.of("198.51.100.1")));
        assertEquals("10.1.2.3", proxies.clientOf("10.1.2.3", List.of()));
        assertEquals("malformed-forwarded-for:10.1.2.3", proxies.clientOf("10.1.2.3", List.of("evil.example")));
        assertTrue(proxies.trusted("fd12::1"));
        assertFalse(proxies.trusted("fe80::1"));
        assertFalse(proxies.trusted("999.1.1.1"));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("proxy.example")));
    }
}
