package org.placementtracker.firm;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.common.Versioned;

@Schema(description = "A partner firm (合作企业)")
public record FirmResponse(
        @Schema(examples = "7b1e2c9a-4f3d-4a8e-9c2b-1d5e6f7a8b9c")
        UUID id,

        @Schema(examples = "长城汽车股份有限公司") String name,
        @Schema(examples = "91130600105768230Q") String creditCode,
        @Schema(examples = "汽车制造", nullable = true) String industry,
        @Schema(examples = "保定市莲池区", nullable = true) String district,
        @Schema(examples = "朝阳南大街2266号", nullable = true) String address,
        @Schema(examples = "王经理", nullable = true) String contactName,
        @Schema(examples = "0312-2196000", nullable = true) String contactPhone,
        @Schema(examples = "12000") int headcount,
        Firm.Status status,
        List<FirmPost> posts,
        boolean labourIntermediary,
        boolean prohibitedVenue,

        @Schema(description = "Changes with every write; the ETag of the resource", examples = "3", readOnly = true)
        long version)
        implements Versioned {

    static FirmResponse of(Firm f) {
        return new FirmResponse(
                f.id,
                f.name,
                f.creditCode,
                f.industry,
                f.district,
                f.address,
                f.contactName,
                f.contactPhone,
                f.headcount,
                f.status,
                f.posts,
                f.labourIntermediary,
                f.prohibitedVenue,
                f.version);
    }
}
