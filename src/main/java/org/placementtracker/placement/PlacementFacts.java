package org.placementtracker.placement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.placementtracker.common.Period;
import org.placementtracker.compliance.ComplianceService;
import org.placementtracker.firm.Firm;
import org.placementtracker.orderclass.OrderClass;
import org.placementtracker.student.Student;

/**
 * What the placement rules read. A single create or change reads the database as it goes; a batch
 * import reads what it loaded for all its rows at once, and learns each row it saves, so that the
 * same rules hold between the rows of one batch.
 */
interface PlacementFacts {

    /** The student, locked against concurrent placement changes until the transaction ends; null if none. */
    Student lockedStudent(UUID id);

    Firm firm(UUID id);

    OrderClass orderClass(UUID id);

    /** The placement of this firm that carries this external reference, or null. */
    Placement withExternalRef(UUID firmId, String externalRef);

    /** The period of the student's earliest placement, other than {@code except} and not cancelled, that overlaps the period. */
    Optional<Period> overlapping(UUID studentId, Period period, UUID except);

    /** A placement was created or changed: what later reads must see. */
    default void saved(Placement placement) {}

    /**
     * What the internship rules must count besides the database: {@code current}, and what this unit
     * of work saved before that the database may not hold yet.
     */
    default Collection<ComplianceService.Pending> pending(ComplianceService.Pending current) {
        return List.of(current);
    }
}
