package org.placementtracker.support;

import java.util.concurrent.atomic.AtomicLong;

/** Unique values so that every test makes its own data and never meets another's. */
public final class TestData {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private TestData() {
    }

    public static long next() {
        return SEQUENCE.incrementAndGet();
    }

    public static String majorCode() {
        return String.format("T%07d", next() % 10_000_000);
    }
}
