package org.placementtracker.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.Year;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.placementtracker.placement.YearBasis;

/** The question the per-firm totals answer: all time, or a range of years. */
public class FirmTotalsQuery {

    @Parameter(description = "First year (optional; without from and to: all time)")
    @QueryParam("from")
    @Min(1900)
    @Max(2200)
    public Integer from;

    @Parameter(description = "Last year (optional)")
    @QueryParam("to")
    @Min(1900)
    @Max(2200)
    public Integer to;

    @Parameter(description = "calendar (default) or academic")
    @QueryParam("yearBasis")
    @DefaultValue("calendar")
    public YearBasis yearBasis;

    ReportFilter filter() {
        if (from == null && to == null) {
            return new ReportFilter(0, 0, yearBasis, null, null, null, null);
        }
        int toYear = to != null ? to : Math.max(from, Year.now().getValue());
        int fromYear = from != null ? from : toYear - 9;
        return new ReportFilter(fromYear, toYear, yearBasis, null, null, null, null);
    }
}
