package org.placementtracker.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; follow {@code nextCursor} until it is null to see every row once. */
public record Page<T>(
        @Schema(description = "The rows of this page, in the list's stable order")
        List<T> items,

        @Schema(description = "Opaque cursor of the next page; null on the last page", nullable = true)
        String nextCursor) {}
