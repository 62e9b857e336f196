package org.placementtracker.student;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;

/** A record that an admin saw a student's full ID number: audited like any change, with its actor. */
@Entity
@Audited
public class IdNumberReveal extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID studentId;

    public Instant revealedAt;
}
