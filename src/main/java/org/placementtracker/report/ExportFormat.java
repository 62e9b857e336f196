package org.placementtracker.report;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The file a report can be downloaded as. */
@Schema(name = "ExportFormat", description = "A report as a file: CSV, Excel workbook or SVG chart")
public enum ExportFormat {
    CSV(ReportFormat.CSV),
    XLSX(ReportFormat.XLSX),
    SVG(ReportFormat.SVG);

    private final ReportFormat format;

    ExportFormat(ReportFormat format) {
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
