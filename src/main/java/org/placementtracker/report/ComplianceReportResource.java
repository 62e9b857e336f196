package org.placementtracker.report;

import static org.placementtracker.security.Roles.ADMIN;
import static org.placementtracker.security.Roles.OFFICER;
import static org.placementtracker.security.Roles.PARTNER;
import static org.placementtracker.security.Roles.VIEWER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.placementtracker.placement.YearBasis;

@Path("/api/v1/reports/compliance")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceReportResource {

    private final ReportService service;

    public ComplianceReportResource(ReportService service) {
        this.service = service;
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Path("/yearly")
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX, BarChart.SVG})
    @Operation(
            summary = "Breaches of the internship rules per year",
            description = "Per year and rule: open and resolved breaches and the placements they concern, with "
                    + "totals per rule; a partner sees its own firm's. JSON, CSV, XLSX or an SVG chart of open breaches "
                    + "by Accept or format=; as a file for generated clients: GET /yearly/export."
                    + ReportResource.DOWNLOADS)
    @APIResponse(
            responseCode = "200",
            description = "The report, in the requested format",
            headers =
                    @Header(
                            name = "Content-Disposition",
                            description = ReportResource.DISPOSITION,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 1000)),
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ComplianceYearly.class)),
                @Content(
                        mediaType = Exports.CSV,
                        schema = @Schema(type = SchemaType.STRING, maxLength = ReportResource.MAX_FILE)),
                @Content(
                        mediaType = Exports.XLSX,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        format = "binary",
                                        maxLength = ReportResource.MAX_FILE)),
                @Content(
                        mediaType = BarChart.SVG,
                        schema = @Schema(type = SchemaType.STRING, maxLength = ReportResource.MAX_FILE))
            })
    @APIResponse(
            responseCode = "404",
            description = "firmId names no firm, or for a partner another firm",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response complianceYearly(
            @Parameter(description = "First year (default: 9 years before to)")
                    @QueryParam("from")
                    @Min(1900)
                    @Max(2200)
                    Integer from,
            @Parameter(description = "Last year (default: this year)") @QueryParam("to") @Min(1900) @Max(2200)
                    Integer to,
            @Parameter(description = "Only this firm (a partner: its own)") @QueryParam("firmId") UUID firmId,
            @Parameter(description = ReportResource.FORMATS) @QueryParam("format") ReportFormat format,
            @Context HttpHeaders headers) {
        return compliance(from, to, firmId, ReportFormat.choose(format, headers));
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Path("/yearly/export")
    @Produces({Exports.CSV, Exports.XLSX, BarChart.SVG})
    @Operation(
            summary = "Breaches of the internship rules per year, as a file",
            description = "The compliance report as CSV, an Excel workbook or an SVG chart, chosen by format; the same "
                    + "filters as GET /yearly."
                    + ReportResource.DOWNLOADS)
    @APIResponse(
            responseCode = "200",
            description = "The report as a file",
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
                                        maxLength = ReportResource.MAX_FILE)),
                @Content(
                        mediaType = BarChart.SVG,
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
    public Response complianceYearlyExport(
            @Parameter(description = "First year (default: 9 years before to)")
                    @QueryParam("from")
                    @Min(1900)
                    @Max(2200)
                    Integer from,
            @Parameter(description = "Last year (default: this year)") @QueryParam("to") @Min(1900) @Max(2200)
                    Integer to,
            @Parameter(description = "Only this firm (a partner: its own)") @QueryParam("firmId") UUID firmId,
            @Parameter(description = "csv, xlsx or svg", required = true) @QueryParam("format") @NotNull
                    ExportFormat format) {
        return compliance(from, to, firmId, format.format());
    }

    private Response compliance(Integer from, Integer to, UUID firmId, ReportFormat format) {
        Described<ComplianceYearly> described =
                service.compliance(YearlyQuery.years(from, to, YearBasis.CALENDAR, firmId));
        ComplianceYearly report = described.report();
        return switch (format) {
            case JSON -> Response.ok(report, MediaType.APPLICATION_JSON).build();
            case CSV -> ReportResource.download(Exports.csv(Table.of(report, described.filters())), format, described);
            case XLSX ->
                ReportResource.download(Exports.xlsx(Table.of(report, described.filters())), format, described);
            case SVG ->
                ReportResource.download(BarChart.of(report, described.filters()).render(), format, described);
        };
    }
}
