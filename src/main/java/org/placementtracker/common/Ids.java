package org.placementtracker.common;

import java.util.Optional;
import java.util.UUID;

/** Resource ids are random UUIDs; anything else names no resource. */
public final class Ids {

    private Ids() {}

    public static Optional<UUID> parse(String raw) {
        if (raw == null || raw.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
