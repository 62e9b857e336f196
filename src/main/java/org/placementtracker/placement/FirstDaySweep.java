package org.placementtracker.placement;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every hour (and shortly after start), the placements whose first day has come since the last
 * sweep are checked again: their agreement, consent, insurance and pay are due from that day, and
 * a placement planned ahead without them breaks the rules then, though nobody writes it.
 */
@ApplicationScoped
class FirstDaySweep {

    private final PlacementService placements;

    FirstDaySweep(PlacementService placements) {
        this.placements = placements;
    }

    @Scheduled(every = "1h", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        placements.checkThoseThatStarted();
    }
}
