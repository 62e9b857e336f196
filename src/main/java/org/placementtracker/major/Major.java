package org.placementtracker.major;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.envers.Audited;
import org.placementtracker.common.VersionedEntity;

@Entity
@Audited
public class Major extends VersionedEntity {

    @Id
    public String code;

    public String name;

    public String majorGroup;
}
