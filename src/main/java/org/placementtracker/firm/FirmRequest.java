package org.placementtracker.firm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.common.ValidCreditCode;

@Schema(description = "A partner firm as created or patched")
public record FirmRequest(
        @Schema(examples = "长城汽车股份有限公司") @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "Unified Social Credit Code (GB 32100), unique", examples = "91130600105768230Q")
        @NotBlank
        @ValidCreditCode
        String creditCode,

        @Schema(examples = "汽车制造") @Size(max = 100) String industry,
        @Schema(examples = "保定市莲池区") @Size(max = 100) String district,
        @Schema(examples = "朝阳南大街2266号") @Size(max = 300) String address,
        @Schema(examples = "王经理") @Size(max = 100) String contactName,

        @Schema(examples = "0312-2196000")
        @Size(max = 20)
        @Pattern(regexp = "\\+?[0-9 -]{5,20}", message = "must be a phone number")
        String contactPhone,

        @Schema(description = "On-post staff, for the 10% intern rule; defaults to 0", examples = "12000") @Min(0)
        Integer headcount,

        @Schema(description = "Defaults to ACTIVE", examples = "ACTIVE")
        Firm.Status status,

        @Schema(description = "Posts and their on-post staff, for the 20% intern rule; names unique") @Size(max = 500)
        List<@Valid @NotNull FirmPost> posts,

        @Schema(description = "The firm is a labour intermediary or paid agent; defaults to false")
        Boolean labourIntermediary,

        @Schema(
                description = "The firm is an entertainment venue (bar, club, karaoke, bath centre, game hall, "
                        + "internet café); defaults to false")
        Boolean prohibitedVenue) {}
