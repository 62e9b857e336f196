package org.placementtracker.major;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.common.Versioned;

@Schema(description = "A major (专业)")
public record MajorResponse(
        @Schema(examples = "700206") String code,
        @Schema(examples = "汽车运用与维修") String name,
        @Schema(examples = "汽车专业群", nullable = true) String group,

        @Schema(description = "Changes with every write; the ETag of the resource", examples = "3", readOnly = true)
        long version)
        implements Versioned {

    static MajorResponse of(Major major) {
        return new MajorResponse(major.code, major.name, major.majorGroup, major.version);
    }

    MajorRequest asRequest() {
        return new MajorRequest(code, name, group);
    }
}
