package org.placementtracker.report;

import static org.placementtracker.security.Roles.ADMIN;
import static org.placementtracker.security.Roles.OFFICER;
import static org.placementtracker.security.Roles.PARTNER;
import static org.placementtracker.security.Roles.VIEWER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.placementtracker.common.Problem;
import org.placementtracker.compliance.BreachStatus;
import org.placementtracker.compliance.Rule;

/** The breach list as a file: its rows are written by the reports' CSV and XLSX writers, hence here. */
@Path("/api/v1/compliance/breaches/export")
@Tag(name = "Compliance")
public class BreachExportResource {

    private final ReportService service;

    public BreachExportResource(ReportService service) {
        this.service = service;
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Produces({Exports.CSV, Exports.XLSX})
    @Operation(
            summary = "Breaches of the internship rules, as a file",
            description = "The breach list with the same filters as GET /compliance/breaches, whole (at most 100,000 "
                    + "rows; 400 beyond, narrow the filters), as CSV or an Excel workbook; a partner gets its own "
                    + "firm's."
                    + ReportResource.DOWNLOADS)
    @APIResponse(
            responseCode = "200",
            description = "The breaches as a file",
            headers =
                    @Header(
                            name = "Content-Disposition",
                            description = ReportResource.DISPOSITION,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 1000)),
            content = {
                @Content(
                        mediaType = Exports.CSV,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        format = "binary",
                                        maxLength = ReportResource.MAX_FILE)),
                @Content(
                        mediaType = Exports.XLSX,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        format = "binary",
                                        maxLength = ReportResource.MAX_FILE))
            })
    @APIResponse(
            responseCode = "404",
            description = "firmId names no firm, or for a partner another firm",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exportComplianceBreaches(
            @Parameter(description = "csv or xlsx", required = true) @QueryParam("format") @NotNull
                    BreachFileFormat format,
            @Parameter(description = "Breaches of placements that start in this calendar year")
                    @QueryParam("year")
                    @Min(1900)
                    @Max(2200)
                    Integer year,
            @Parameter(description = "Firm id") @QueryParam("firmId") UUID firmId,
            @Parameter(description = "A rule's id, e.g. insurance-coverage") @QueryParam("rule") Rule rule,
            @Parameter(description = "open (default) or resolved") @QueryParam("status") @DefaultValue("open")
                    BreachStatus status) {
        Described<List<List<Object>>> described = service.breaches(year, firmId, rule, status);
        Table table = Table.ofBreaches(described.report(), described.filters());
        return ReportResource.download(
                format == BreachFileFormat.CSV ? Exports.csv(table) : Exports.xlsx(table), format.format(), described);
    }
}
