package org.placementtracker.firm;

import java.util.UUID;

/**
 * A firm's staff, posts or kind changed (what the internship rules read of it): fired in the
 * transaction of the change, so that its placements are checked again in it.
 */
public record FirmRulesChanged(UUID firmId) {}
