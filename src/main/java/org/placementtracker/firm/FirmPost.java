package org.placementtracker.firm;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A post at a firm: its on-post staff (the 20% intern rule) and whether interns may hold it. */
@Schema(name = "FirmPost", description = "A post at the firm, named as placements name their position")
public record FirmPost(
        @Schema(examples = "总装车间装配工") @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "On-post staff in this post", examples = "400") @NotNull @Min(0) @Max(10_000_000)
        Integer staff,

        @Schema(
                description = "Interns may not hold this post (work at heights, underground, radiation, toxic or "
                        + "explosive work, Art. 16); defaults to false")
        Boolean prohibited) {

    /** The post as stored: prohibited is always set. */
    FirmPost normalized() {
        return new FirmPost(name.trim(), staff, Boolean.TRUE.equals(prohibited));
    }
}
