package org.placementtracker.report;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.common.ProblemException;

/** The representation of a report: chosen by {@code format} (for links) or else by the Accept header. */
@Schema(name = "ReportFormat", description = "A report's representation")
public enum ReportFormat {
    JSON("json", MediaType.APPLICATION_JSON),
    CSV("csv", Exports.CSV),
    XLSX("xlsx", Exports.XLSX),
    SVG("svg", BarChart.SVG);

    final String parameter;
    final String mediaType;

    ReportFormat(String parameter, String mediaType) {
        this.parameter = parameter;
        this.mediaType = mediaType;
    }

    @JsonValue
    public String parameter() {
        return parameter;
    }

    static ReportFormat choose(ReportFormat format, HttpHeaders headers) {
        if (format != null) {
            return format;
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        for (MediaType wanted : accepted) {
            for (ReportFormat f : values()) {
                if (wanted.isCompatible(MediaType.valueOf(f.mediaType)) && !wanted.isWildcardType()) {
                    return f;
                }
            }
            if (wanted.isWildcardType()) {
                return JSON;
            }
        }
        throw new ProblemException(
                406,
                "not-acceptable",
                "Not acceptable",
                "Reports are available as application/json, text/csv, " + Exports.XLSX + " and image/svg+xml");
    }
}
