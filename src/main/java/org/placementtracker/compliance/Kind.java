package org.placementtracker.compliance;

/** What the rules distinguish among placements (a placement's type maps onto one). */
public enum Kind {
    /** An observation visit (认识实习): no work. */
    OBSERVATION,
    /** Work on a post that is not a post internship: work-study rotations, apprenticeships. */
    WORK,
    /** A post internship (岗位实习), with the rules of the national text that speak of it alone. */
    POST
}
