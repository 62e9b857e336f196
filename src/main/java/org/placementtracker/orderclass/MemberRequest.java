package org.placementtracker.orderclass;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The student to add to an order class")
public record MemberRequest(@NotNull UUID studentId) {}
