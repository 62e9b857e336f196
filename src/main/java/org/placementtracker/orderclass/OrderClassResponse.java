package org.placementtracker.orderclass;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementtracker.common.Versioned;

@Schema(description = "An order class (订单班)")
public record OrderClassResponse(
        UUID id,
        @Schema(examples = "长城汽车订单班2024级") String name,
        UUID firmId,
        @Schema(examples = "700206") String majorCode,
        @Schema(examples = "2024") int intakeYear,
        @Schema(examples = "45") int quota,
        OrderClass.Programme programme,
        OrderClass.Status status,

        @Schema(description = "Current members (read-only)", examples = "38", readOnly = true)
        int memberCount,

        @Schema(description = "Changes with every write; the ETag of the resource", examples = "3", readOnly = true)
        long version)
        implements Versioned {

    static OrderClassResponse of(OrderClass o) {
        return new OrderClassResponse(
                o.id,
                o.name,
                o.firmId,
                o.majorCode,
                o.intakeYear,
                o.quota,
                o.programme,
                o.status,
                o.memberCount,
                o.version);
    }

    OrderClassRequest asRequest() {
        return new OrderClassRequest(name, firmId, majorCode, intakeYear, quota, programme, status);
    }
}
