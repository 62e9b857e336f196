package org.placementtracker.report;

import java.util.Map;
import org.placementtracker.placement.Placement;

/** Bilingual names of placement types, as reports show them. */
final class PlacementTypes {

    private static final Map<Placement.Type, String> LABELS = Map.of(
            Placement.Type.COGNITIVE, "认识实习 Cognitive",
            Placement.Type.FOLLOW_POST, "跟岗实习 Follow-the-post",
            Placement.Type.POST_INTERNSHIP, "岗位实习 Post internship",
            Placement.Type.WORK_STUDY, "工学交替 Work-study",
            Placement.Type.APPRENTICESHIP, "现代学徒制 Apprenticeship");

    private PlacementTypes() {}

    static String label(Placement.Type type) {
        return LABELS.get(type);
    }
}
