package org.placementtracker.common;

/** How long a request's transaction may run, where the default (60 s) is too short. */
public final class TransactionLimits {

    /**
     * The largest batch import on a slow machine. A batch sent with an Idempotency-Key runs inside
     * the transaction that holds its idempotency record, so both use this limit.
     */
    public static final int LONGEST_SECONDS = 600;

    private TransactionLimits() {}
}
