package org.placementtracker.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.Year;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.placementtracker.common.Text;
import org.placementtracker.placement.Placement;
import org.placementtracker.placement.YearBasis;

/** The question a yearly report answers, the same whether it comes as JSON or as a file. */
public class YearlyQuery {

    @Parameter(description = "First year (default: 9 years before to)")
    @QueryParam("from")
    @Min(1900)
    @Max(2200)
    public Integer from;

    @Parameter(description = "Last year (default: this year)")
    @QueryParam("to")
    @Min(1900)
    @Max(2200)
    public Integer to;

    @Parameter(description = "Only placements at this firm (a partner: its own)")
    @QueryParam("firmId")
    public UUID firmId;

    @Parameter(description = "Only students of this major")
    @QueryParam("majorCode")
    @Size(max = 12)
    public String majorCode;

    @Parameter(description = "Only placements of this order class (a partner: one run for its firm)")
    @QueryParam("orderClassId")
    public UUID orderClassId;

    @Parameter(description = "Only this placement type")
    @QueryParam("type")
    public Placement.Type type;

    @Parameter(description = "calendar (default) or academic")
    @QueryParam("yearBasis")
    @DefaultValue("calendar")
    public YearBasis yearBasis;

    @Parameter(description = "Split each year by firm, major, order class or type")
    @QueryParam("groupBy")
    public GroupBy groupBy;

    ReportFilter filter() {
        ReportFilter years = years(from, to, yearBasis, firmId);
        return new ReportFilter(
                years.from(), years.to(), yearBasis, firmId, Text.blankToNull(majorCode), orderClassId, type);
    }

    /** The range a report covers when from or to is left out: the ten years up to this one. */
    static ReportFilter years(Integer from, Integer to, YearBasis yearBasis, UUID firmId) {
        int toYear = to != null
                ? to
                : from != null
                        ? Math.max(from, Year.now().getValue())
                        : Year.now().getValue();
        int fromYear = from != null ? from : toYear - 9;
        return new ReportFilter(fromYear, toYear, yearBasis, firmId, null, null, null);
    }
}
