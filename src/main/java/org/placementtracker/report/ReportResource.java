package org.placementtracker.report;

import org.placementtracker.placement.YearBasis;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Year;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.placementtracker.common.Problem;
import org.placementtracker.common.QueryParams;
import org.placementtracker.placement.Placement;

@Path("/api/v1/reports/placements")
@Tag(name = "Reports", description = "How many were placed each year: person-times (人次) and distinct students (人数). "
        + YearlyReport.COUNTING_RULE)
public class ReportResource {

    private static final String FORMATS = "json (default), csv, xlsx or svg; overrides the Accept header";
    private static final String DOWNLOADS = " CSV starts with a UTF-8 byte order mark (so Excel reads Chinese names), "
            + "and its text cells that begin with =, +, -, @, tab or CR get a leading ' so no spreadsheet runs them as "
            + "formulas. CSV, XLSX and SVG carry Content-Disposition with a file name after what they cover.";
    private static final String DISPOSITION = "CSV and XLSX: attachment, SVG: inline; with an ASCII filename and the "
            + "full UTF-8 filename* (RFC 6266, RFC 8187) naming what the report covers, e.g. filename*=UTF-8''"
            + "placements-yearly_%E9%95%BF%E5%9F%8E%E6%B1%BD%E8%BD%A6_2014-2025.xlsx. Absent on JSON.";

    private final ReportService service;

    public ReportResource(ReportService service) {
        this.service = service;
    }

    @GET
    @Path("/yearly")
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX, BarChart.SVG})
    @Operation(summary = "Placements per year",
            description = "Person-times and distinct students per year of the range, optionally split by firm, major, "
                    + "order class or type. " + YearlyReport.COUNTING_RULE + " With yearBasis=academic the year "
                    + "labelled N runs from N-09-01 to N+1-08-31. Without groupBy every year of the range appears, "
                    + "zeros included. from after to, a range over 50 years or an unknown groupBy is 400. A firmId, "
                    + "orderClassId or majorCode that names nothing is 404 in every format, and so for a partner is a "
                    + "firm other than its own or an order class run for another firm: nothing is counted or rendered. "
                    + "A partner's reports count its own firm only and name no other firm's objects: grouped by order "
                    + "class, placements in classes of other firms form one group with key \"other\"." + DOWNLOADS)
    @APIResponse(responseCode = "200", description = "The report, in the requested format", headers = @Header(
            name = "Content-Disposition", description = DISPOSITION, schema = @Schema(type = SchemaType.STRING,
                    maxLength = 1000)), content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = YearlyReport.class)),
            @Content(mediaType = Exports.CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 10_000_000)),
            @Content(mediaType = Exports.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10_000_000)),
            @Content(mediaType = BarChart.SVG, schema = @Schema(type = SchemaType.STRING, maxLength = 10_000_000))})
    @APIResponse(responseCode = "404", description = "firmId, orderClassId or majorCode names nothing, or for a partner "
            + "something not at its firm", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Response yearly(
            @Parameter(description = "First year (default: 9 years before to)") @QueryParam("from") String from,
            @Parameter(description = "Last year (default: this year)") @QueryParam("to") String to,
            @Parameter(description = "Only placements at this firm (a partner: its own)") @QueryParam("firmId") String firmId,
            @Parameter(description = "Only students of this major") @QueryParam("majorCode") String majorCode,
            @Parameter(description = "Only placements of this order class (a partner: one run for its firm)")
            @QueryParam("orderClassId") String orderClassId,
            @Parameter(description = "Only this placement type") @QueryParam("type") String type,
            @Parameter(description = "calendar (default) or academic") @QueryParam("yearBasis") String yearBasis,
            @Parameter(description = "firm, major, orderClass or type") @QueryParam("groupBy") String groupBy,
            @Parameter(description = FORMATS) @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        ReportFormat chosen = ReportFormat.choose(format, headers);
        ReportFilter filter = filter(from, to, firmId, majorCode, orderClassId, type, yearBasis);
        Described<YearlyReport> described = service.yearly(filter, GroupBy.parse(groupBy));
        YearlyReport report = described.report();
        return switch (chosen) {
            case JSON -> Response.ok(report, MediaType.APPLICATION_JSON).build();
            case CSV -> download(Exports.csv(Table.of(report, described.filters())), chosen, described);
            case XLSX -> download(Exports.xlsx(Table.of(report, described.filters())), chosen, described);
            case SVG -> download(BarChart.of(report, described.filters()).render(), chosen, described);
        };
    }

    @GET
    @Path("/by-firm")
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX, BarChart.SVG})
    @Operation(summary = "Placements per firm",
            description = "Cumulative person-times and distinct students per firm, largest first, with the first and "
                    + "last year of a counted placement (e.g. \"8,000+ person-times to Great Wall since 2014\"). "
                    + "Without from and to: all time. A partner sees its own firm only. " + YearlyReport.COUNTING_RULE
                    + DOWNLOADS)
    @APIResponse(responseCode = "200", description = "The report, in the requested format", headers = @Header(
            name = "Content-Disposition", description = DISPOSITION, schema = @Schema(type = SchemaType.STRING,
                    maxLength = 1000)), content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FirmTotals.class)),
            @Content(mediaType = Exports.CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 10_000_000)),
            @Content(mediaType = Exports.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10_000_000)),
            @Content(mediaType = BarChart.SVG, schema = @Schema(type = SchemaType.STRING, maxLength = 10_000_000))})
    public Response byFirm(
            @Parameter(description = "First year (optional)") @QueryParam("from") String from,
            @Parameter(description = "Last year (optional)") @QueryParam("to") String to,
            @Parameter(description = "calendar (default) or academic") @QueryParam("yearBasis") String yearBasis,
            @Parameter(description = FORMATS) @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        ReportFormat chosen = ReportFormat.choose(format, headers);
        boolean ranged = from != null || to != null;
        ReportFilter filter = ranged ? filter(from, to, null, null, null, null, yearBasis)
                : new ReportFilter(0, 0, YearBasis.parse(yearBasis), null, null, null, null);
        Described<FirmTotals> described = service.byFirm(filter);
        FirmTotals report = described.report();
        return switch (chosen) {
            case JSON -> Response.ok(report, MediaType.APPLICATION_JSON).build();
            case CSV -> download(Exports.csv(Table.of(report)), chosen, described);
            case XLSX -> download(Exports.xlsx(Table.of(report)), chosen, described);
            case SVG -> download(BarChart.of(report).render(), chosen, described);
        };
    }

    private static ReportFilter filter(String from, String to, String firmId, String majorCode, String orderClassId,
            String type, String yearBasis) {
        Integer last = QueryParams.optionalYear("to", to);
        Integer first = QueryParams.optionalYear("from", from);
        int toYear = last != null ? last : first != null ? Math.max(first, Year.now().getValue()) : Year.now().getValue();
        int fromYear = first != null ? first : toYear - 9;
        return new ReportFilter(fromYear, toYear, YearBasis.parse(yearBasis), QueryParams.optionalUuid("firmId", firmId),
                QueryParams.optionalText("majorCode", majorCode, 12), QueryParams.optionalUuid("orderClassId", orderClassId),
                QueryParams.optionalEnum("type", type, Placement.Type.class));
    }

    /**
     * A file with the name it is saved under. Charts are shown in the browser (and saved under that
     * name); tables are downloaded, since a browser cannot show them.
     */
    private static Response download(Object body, ReportFormat format, Described<?> described) {
        String type = format == ReportFormat.XLSX ? format.mediaType : format.mediaType + ";charset=UTF-8";
        return Response.ok(body, type).header("Content-Disposition", described.fileName()
                .contentDisposition(format == ReportFormat.SVG ? "inline" : "attachment", format.parameter)).build();
    }
}
