package org.placementtracker.common;

import java.util.Optional;
import java.util.UUID;

/** Resource ids are random UUIDs; anything else names no resource. */
public final class Ids {

    private Ids() {
    }

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

    /** The id of a path parameter: a malformed id is simply a resource that does not exist. */
    public static UUID pathId(String resource, String raw) {
        return parse(raw).orElseThrow(() -> ProblemException.notFound(resource, raw));
    }
}
