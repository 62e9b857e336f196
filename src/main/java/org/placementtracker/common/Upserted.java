package org.placementtracker.common;

import java.util.UUID;

/** What an import row did: the record it wrote, and whether that record is new. */
public record Upserted(UUID id, boolean created) {}
