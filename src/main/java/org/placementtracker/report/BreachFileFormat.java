package org.placementtracker.report;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The files a list comes as: tables only (a list has no chart). */
@Schema(name = "ListFileFormat", description = "A list as a file: CSV or Excel workbook")
public enum BreachFileFormat {
    CSV(ReportFormat.CSV),
    XLSX(ReportFormat.XLSX);

    private final ReportFormat format;

    BreachFileFormat(ReportFormat format) {
        this.format = format;
    }

    @JsonValue
    public String parameter() {
        return format.parameter();
    }

    ReportFormat format() {
        return format;
    }
}
