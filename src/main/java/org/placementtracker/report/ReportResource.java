package org.placementtracker.report;

import static org.placementtracker.security.Roles.ADMIN;
import static org.placementtracker.security.Roles.OFFICER;
import static org.placementtracker.security.Roles.PARTNER;
import static org.placementtracker.security.Roles.VIEWER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.placementtracker.common.Problem;

@Path("/api/v1/reports/placements")
@Tag(
        name = "Reports",
        description = "How many were placed each year: person-times (人次) and distinct students (人数). "
                + YearlyReport.COUNTING_RULE)
public class ReportResource {

    static final String FORMATS = "json (default), csv, xlsx or svg; overrides the Accept header";
    static final String DOWNLOADS = " CSV starts with a UTF-8 byte order mark (so Excel reads Chinese names), "
            + "and its text cells that begin with =, +, -, @, tab or CR get a leading ' so no spreadsheet runs them as "
            + "formulas. CSV, XLSX and SVG carry Content-Disposition with a file name after what they cover.";
    static final String DISPOSITION = "CSV and XLSX: attachment, SVG: inline; with an ASCII filename and the "
            + "full UTF-8 filename* (RFC 6266, RFC 8187) naming what the report covers, e.g. filename*=UTF-8''"
            + "placements-yearly_%E9%95%BF%E5%9F%8E%E6%B1%BD%E8%BD%A6_2014-2025.xlsx. Absent on JSON.";

    /** Larger than any report: 50 years × a few hundred groups. */
    static final int MAX_FILE = 10_000_000;

    private static final String NOT_FOUND =
            "firmId, orderClassId or majorCode names nothing, or for a partner " + "something not at its firm";

    private final ReportService service;

    public ReportResource(ReportService service) {
        this.service = service;
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Path("/yearly")
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX, BarChart.SVG})
    @Operation(
            summary = "Placements per year",
            description = "Person-times and distinct students per year of the range, optionally split by firm, major, "
                    + "order class or type. " + YearlyReport.COUNTING_RULE + " With yearBasis=academic the year "
                    + "labelled N runs from N-09-01 to N+1-08-31. Without groupBy every year of the range appears, "
                    + "zeros included. from after to or a range over 50 years is 400. A firmId, "
                    + "orderClassId or majorCode that names nothing is 404 in every format, and so for a partner is a "
                    + "firm other than its own or an order class run for another firm: nothing is counted or rendered. "
                    + "A partner's reports count its own firm only and name no other firm's objects: grouped by order "
                    + "class, placements in classes of other firms form one group with key \"other\". The same report "
                    + "as a file, for generated clients: GET /yearly/export." + DOWNLOADS)
    @APIResponse(
            responseCode = "200",
            description = "The report, in the requested format",
            headers =
                    @Header(
                            name = "Content-Disposition",
                            description = DISPOSITION,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 1000)),
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = YearlyReport.class)),
                @Content(mediaType = Exports.CSV, schema = @Schema(type = SchemaType.STRING, maxLength = MAX_FILE)),
                @Content(
                        mediaType = Exports.XLSX,
                        schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = MAX_FILE)),
                @Content(mediaType = BarChart.SVG, schema = @Schema(type = SchemaType.STRING, maxLength = MAX_FILE))
            })
    @APIResponse(
            responseCode = "404",
            description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response yearly(
            @Valid @BeanParam YearlyQuery query,
            @Parameter(description = FORMATS) @QueryParam("format") ReportFormat format,
            @Context HttpHeaders headers) {
        return yearly(query, ReportFormat.choose(format, headers));
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Path("/yearly/export")
    @Produces({Exports.CSV, Exports.XLSX, BarChart.SVG})
    @Operation(
            summary = "Placements per year, as a file",
            description = "The yearly report as CSV, an Excel workbook or an SVG bar chart, chosen by format; the same "
                    + "rules and filters as GET /yearly." + DOWNLOADS)
    @APIResponse(
            responseCode = "200",
            description = "The report as a file",
            headers =
                    @Header(
                            name = "Content-Disposition",
                            description = DISPOSITION,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 1000)),
            content = {
                @Content(
                        mediaType = Exports.CSV,
                        schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = MAX_FILE)),
                @Content(
                        mediaType = Exports.XLSX,
                        schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = MAX_FILE)),
                @Content(
                        mediaType = BarChart.SVG,
                        schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = MAX_FILE))
            })
    @APIResponse(
            responseCode = "404",
            description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response yearlyExport(
            @Valid @BeanParam YearlyQuery query,
            @Parameter(description = "csv, xlsx or svg", required = true) @QueryParam("format") @NotNull
                    ExportFormat format) {
        return yearly(query, format.format());
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Path("/by-firm")
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX, BarChart.SVG})
    @Operation(
            summary = "Placements per firm",
            description = "Cumulative person-times and distinct students per firm, largest first, with the first and "
                    + "last year of a counted placement (e.g. \"8,000+ person-times to Great Wall since 2014\"). "
                    + "Without from and to: all time. A partner sees its own firm only. " + YearlyReport.COUNTING_RULE
                    + " The same report as a file, for generated clients: GET /by-firm/export." + DOWNLOADS)
    @APIResponse(
            responseCode = "200",
            description = "The report, in the requested format",
            headers =
                    @Header(
                            name = "Content-Disposition",
                            description = DISPOSITION,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 1000)),
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FirmTotals.class)),
                @Content(mediaType = Exports.CSV, schema = @Schema(type = SchemaType.STRING, maxLength = MAX_FILE)),
                @Content(
                        mediaType = Exports.XLSX,
                        schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = MAX_FILE)),
                @Content(mediaType = BarChart.SVG, schema = @Schema(type = SchemaType.STRING, maxLength = MAX_FILE))
            })
    public Response byFirm(
            @Valid @BeanParam FirmTotalsQuery query,
            @Parameter(description = FORMATS) @QueryParam("format") ReportFormat format,
            @Context HttpHeaders headers) {
        return byFirm(query, ReportFormat.choose(format, headers));
    }

    @RolesAllowed({ADMIN, OFFICER, VIEWER, PARTNER})
    @GET
    @Path("/by-firm/export")
    @Produces({Exports.CSV, Exports.XLSX, BarChart.SVG})
    @Operation(
            summary = "Placements per firm, as a file",
            description =
                    "The per-firm totals as CSV, an Excel workbook or an SVG bar chart, chosen by format; the same "
                            + "rules as GET /by-firm." + DOWNLOADS)
    @APIResponse(
            responseCode = "200",
            description = "The report as a file",
            headers =
                    @Header(
                            name = "Content-Disposition",
                            description = DISPOSITION,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 1000)),
            content = {
                @Content(
                        mediaType = Exports.CSV,
                        schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = MAX_FILE)),
                @Content(
                        mediaType = Exports.XLSX,
                        schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = MAX_FILE)),
                @Content(
                        mediaType = BarChart.SVG,
                        schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = MAX_FILE))
            })
    public Response byFirmExport(
            @Valid @BeanParam FirmTotalsQuery query,
            @Parameter(description = "csv, xlsx or svg", required = true) @QueryParam("format") @NotNull
                    ExportFormat format) {
        return byFirm(query, format.format());
    }

    private Response yearly(YearlyQuery query, ReportFormat format) {
        Described<YearlyReport> described = service.yearly(query.filter(), query.groupBy);
        YearlyReport report = described.report();
        return switch (format) {
            case JSON -> Response.ok(report, MediaType.APPLICATION_JSON).build();
            case CSV -> download(Exports.csv(Table.of(report, described.filters())), format, described);
            case XLSX -> download(Exports.xlsx(Table.of(report, described.filters())), format, described);
            case SVG -> download(BarChart.of(report, described.filters()).render(), format, described);
        };
    }

    private Response byFirm(FirmTotalsQuery query, ReportFormat format) {
        Described<FirmTotals> described = service.byFirm(query.filter());
        FirmTotals report = described.report();
        return switch (format) {
            case JSON -> Response.ok(report, MediaType.APPLICATION_JSON).build();
            case CSV -> download(Exports.csv(Table.of(report)), format, described);
            case XLSX -> download(Exports.xlsx(Table.of(report)), format, described);
            case SVG -> download(BarChart.of(report).render(), format, described);
        };
    }

    /**
     * A file with the name it is saved under. Charts are shown in the browser (and saved under that
     * name); tables are downloaded, since a browser cannot show them.
     */
    static Response download(Object body, ReportFormat format, Described<?> described) {
        String type = format == ReportFormat.XLSX ? format.mediaType : format.mediaType + ";charset=UTF-8";
        return Response.ok(body, type)
                .header(
                        "Content-Disposition",
                        described
                                .fileName()
                                .contentDisposition(
                                        format == ReportFormat.SVG ? "inline" : "attachment", format.parameter))
                .build();
    }
}
