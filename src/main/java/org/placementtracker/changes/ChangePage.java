package org.placementtracker.changes;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Events after the given cursor, in order; nextCursor is where to continue (also when empty)")
public record ChangePage(List<ChangeEvent> items, String nextCursor) {}
