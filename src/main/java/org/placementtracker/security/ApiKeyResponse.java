package org.placementtracker.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An API key; the key itself appears only in the answer to its creation")
public record ApiKeyResponse(
        UUID id,
        @Schema(examples = "长城汽车HR系统") String name,
        Role role,
        @Schema(nullable = true) UUID firmId,

        @Schema(description = "The key: shown once, store it now", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String key,

        @Schema(description = "First characters, to tell keys apart", examples = "ptk_Xq3v9A")
        String keyPrefix,

        Instant createdAt,
        @Schema(nullable = true) Instant expiresAt,
        @Schema(nullable = true) Instant revokedAt,
        @Schema(examples = "bootstrap-admin") String createdBy) {

    static ApiKeyResponse of(ApiKey k, String key) {
        return new ApiKeyResponse(
                k.id, k.name, k.role, k.firmId, key, k.keyPrefix, k.createdAt, k.expiresAt, k.revokedAt, k.createdBy);
    }
}
