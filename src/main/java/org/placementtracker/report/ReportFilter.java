package org.placementtracker.report;

import java.util.UUID;
import org.placementtracker.placement.Placement;
import org.placementtracker.placement.YearBasis;

/**
 * What a placement report counts: a range of years on a basis, narrowed by optional filters, and for
 * a partner by its own firm ({@code scopeFirmId}) whatever the filters say.
 */
public record ReportFilter(
        int from,
        int to,
        YearBasis yearBasis,
        UUID firmId,
        String majorCode,
        UUID orderClassId,
        Placement.Type type,
        UUID scopeFirmId) {

    public ReportFilter(
            int from,
            int to,
            YearBasis yearBasis,
            UUID firmId,
            String majorCode,
            UUID orderClassId,
            Placement.Type type) {
        this(from, to, yearBasis, firmId, majorCode, orderClassId, type, null);
    }

    ReportFilter scopedTo(UUID firm) {
        return new ReportFilter(from, to, yearBasis, firmId, majorCode, orderClassId, type, firm);
    }

    /**
     * A human summary of the filters, for chart titles and exports: names, never ids, from names looked
     * up (and checked against the caller's scope) before.
     */
    String describe(ReportSubjects.Names names) {
        StringBuilder sb = new StringBuilder();
        if (names.firm() != null) {
            sb.append("企业 firm: ").append(names.firm()).append("; ");
        }
        if (majorCode != null) {
            sb.append("专业 major: ")
                    .append(majorCode)
                    .append(' ')
                    .append(names.major())
                    .append("; ");
        }
        if (names.orderClass() != null) {
            sb.append("订单班 order class: ").append(names.orderClass()).append("; ");
        }
        if (type != null) {
            sb.append("类型 type: ").append(PlacementTypes.label(type)).append("; ");
        }
        return sb.isEmpty() ? "全部 all placements" : sb.substring(0, sb.length() - 2);
    }
}
