package org.placementtracker.changes;

import static org.placementtracker.security.Roles.ADMIN;
import static org.placementtracker.security.Roles.OFFICER;
import static org.placementtracker.security.Roles.PARTNER;
import static org.placementtracker.security.Roles.VIEWER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.placementtracker.common.CursorCodec;
import org.placementtracker.common.PageRequest;

@Path("/api/v1/changes")
@Tag(name = "Changes", description = "A feed of committed changes to keep a copy in sync without re-reading everything")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {

    private final ChangeFeedService service;

    public ChangeFeedResource(ChangeFeedService service) {
        this.service = service;
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Operation(
            summary = "Changes after a cursor",
            description = "One thin event (ids only) per committed change of a resource the caller may see. "
                    + "Follow nextCursor (also returned when the page is empty) to see every change exactly once, "
                    + "even while many writers commit concurrently: changes are returned as soon as they are "
                    + "committed, and a long-running transaction delays only its own changes, which come once it commits. "
                    + "A transaction's changes come together, in the order made. Partners see events of their "
                    + "firm's objects and of students placed there. Events are kept CHANGE_FEED_RETENTION (default "
                    + "30 days); an older cursor answers 410.")
    public ChangePage changes(
            @Parameter(
                            description = "nextCursor (or an event's cursor) from before; now: skip the history and "
                                    + "follow from here; absent: from the beginning")
                    @QueryParam("after")
                    @Size(max = CursorCodec.MAX_LENGTH)
                    String after,
            @Parameter(description = "Page size, 1-200 (default 50)")
                    @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(1)
                    @Max(200)
                    Integer limit) {
        PageRequest page = PageRequest.of(limit, after);
        return service.after(page.cursor(), page);
    }
}
