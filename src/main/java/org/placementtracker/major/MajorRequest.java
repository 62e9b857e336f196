package org.placementtracker.major;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A major (专业) as created or patched")
public record MajorRequest(
        @Schema(description = "Code in the national catalogue of vocational majors", examples = "700206")
        @NotBlank
        @Pattern(regexp = "[0-9A-Z]{4,12}", message = "must be 4 to 12 digits or capital letters")
        String code,

        @Schema(description = "Name of the major", examples = "汽车运用与维修") @NotBlank @Size(max = 100)
        String name,

        @Schema(description = "Major group (专业群), optional", examples = "汽车专业群") @Size(max = 100)
        String group) {}
