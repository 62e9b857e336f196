package org.placementtracker.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.envers.Audited;

/** What every stored resource has: an optimistic-lock version and its creation and change times. */
@MappedSuperclass
@Audited
public abstract class VersionedEntity extends PanacheEntityBase {

    @Version
    public long version;

    public Instant createdAt;

    public Instant updatedAt;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }
}
