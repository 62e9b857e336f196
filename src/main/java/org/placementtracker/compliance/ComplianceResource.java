package org.placementtracker.compliance;

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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.placementtracker.common.CursorCodec;
import org.placementtracker.common.Page;
import org.placementtracker.common.PageRequest;

@Path("/api/v1/compliance")
@Tag(
        name = "Compliance",
        description = "The national internship rules (职业学校学生实习管理规定, 2021), computed from the placements' data")
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceResource {

    private final ComplianceService service;

    public ComplianceResource(ComplianceService service) {
        this.service = service;
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Path("/rules")
    @Operation(
            summary = "List the internship rules",
            description = "Each rule's stable id, the article it comes from and the mode this service runs it in "
                    + "(COMPLIANCE_DEFAULT_MODE, COMPLIANCE_RULES).")
    public List<RuleResponse> listComplianceRules() {
        return service.rules();
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Path("/breaches")
    @Operation(
            summary = "List breaches of the internship rules",
            description = "Open breaches by default, as found when each placement was last written; a partner sees "
                    + "its firm's only. Cursor-paginated; follow nextCursor until it is null.")
    public Page<BreachResponse> listComplianceBreaches(
            @Parameter(description = "Breaches of placements that start in this calendar year")
                    @QueryParam("year")
                    @Min(1900)
                    @Max(2200)
                    Integer year,
            @Parameter(description = "Firm id") @QueryParam("firmId") UUID firmId,
            @Parameter(description = "A rule's id, e.g. insurance-coverage") @QueryParam("rule") Rule rule,
            @Parameter(description = "open (default) or resolved") @QueryParam("status") @DefaultValue("open")
                    BreachStatus status,
            @Parameter(description = "placementStart (default) or detectedAt; prefix - to descend")
                    @QueryParam("sort")
                    @Size(max = 40)
                    String sort,
            @Parameter(description = "Page size, 1-200 (default 50)")
                    @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(1)
                    @Max(200)
                    Integer limit,
            @Parameter(description = "nextCursor of the previous page")
                    @QueryParam("cursor")
                    @Size(max = CursorCodec.MAX_LENGTH)
                    String cursor) {
        return service.list(
                new ComplianceService.Filter(year, firmId, rule, status), sort, PageRequest.of(limit, cursor));
    }
}
