package org.placementtracker.rotation;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Outcome of dispatching a rotation: one WORK_STUDY placement per member that was free")
public record DispatchResponse(
        @Schema(description = "Ids of the placements created")
        List<UUID> created,

        @Schema(description = "Members not dispatched, and why")
        List<Skipped> skipped) {

    @Schema(description = "A member who was not dispatched")
    public record Skipped(
            UUID studentId,

            @Schema(examples = "already dispatched for this rotation")
            String reason) {}
}
