package org.placementtracker.security;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.placementtracker.common.VersionedEntity;

/** A machine client's credential. Only the key's hash is stored; the key is shown once. */
@Entity
@Audited
public class ApiKey extends VersionedEntity {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Role role;

    public UUID firmId;

    @NotAudited
    public String keyHash;

    public String keyPrefix;

    public Instant expiresAt;

    public Instant revokedAt;

    public String createdBy;
}
