package org.placementtracker.orderclass;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member of an order class")
public record MemberResponse(
        UUID studentId,
        @Schema(examples = "2024010137") String studentNo,
        @Schema(examples = "李明") String name,
        @Schema(examples = "700206") String majorCode,
        Instant joinedAt) {

    static MemberResponse of(OrderClassMember m) {
        return new MemberResponse(m.id.studentId, m.student.studentNo, m.student.name, m.student.majorCode, m.joinedAt);
    }
}
