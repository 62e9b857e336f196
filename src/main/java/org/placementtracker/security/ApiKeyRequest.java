package org.placementtracker.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new API key")
public record ApiKeyRequest(
        @Schema(description = "What the key is for; shown in the audit history", examples = "长城汽车HR系统")
        @NotBlank
        @Size(max = 100)
        String name,

        @Schema(examples = "PARTNER") @NotNull Role role,

        @Schema(description = "Required for PARTNER keys, not allowed for others")
        UUID firmId,

        @Schema(description = "Optional expiry", examples = "2027-07-31T23:59:59Z")
        Instant expiresAt) {}
