package org.placementtracker.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.placementtracker.common.CursorCodec;
import org.placementtracker.common.Listing;
import org.placementtracker.common.Page;
import org.placementtracker.common.PageRequest;
import org.placementtracker.common.ProblemException;
import org.placementtracker.common.SortColumn;
import org.placementtracker.common.Sorts;

@ApplicationScoped
public class ApiKeyService {

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
    static final String BOOTSTRAP_NAME = "bootstrap-admin";
    static final Sorts<ApiKey> SORTS = Sorts.byId((ApiKey k) -> k.id, "createdAt")
            .with("createdAt", new SortColumn<>("e.createdAt", Instant.class, k -> k.createdAt));

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final CursorCodec cursors;
    private final Optional<String> bootstrapKey;
    private final boolean identityProviderConfigured;
    private final Clock clock;

    public ApiKeyService(
            EntityManager em,
            AgroalDataSource dataSource,
            CursorCodec cursors,
            Clock clock,
            SecuritySettings settings,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> jwksLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> jwtPublicKey) {
        this.em = em;
        this.dataSource = dataSource;
        this.cursors = cursors;
        this.clock = clock;
        this.bootstrapKey = settings.bootstrapAdminKey();
        this.identityProviderConfigured = jwksLocation.isPresent() || jwtPublicKey.isPresent();
    }

    @Transactional
    public ApiKeyResponse create(ApiKeyRequest request, Caller caller) {
        requireMayManage(caller, request.role());
        if (request.role() == Role.PARTNER) {
            if (request.firmId() == null || !firmExists(request.firmId())) {
                throw ProblemException.invalid("firmId", "a PARTNER key needs the id of an existing firm");
            }
        } else if (request.firmId() != null) {
            throw ProblemException.invalid("firmId", "only PARTNER keys are bound to a firm");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            throw ProblemException.invalid("expiresAt", "must be in the future");
        }
        String key = ApiKeys.newKey();
        ApiKey apiKey =
                store(request.name().trim(), request.role(), request.firmId(), request.expiresAt(), key, caller.name());
        return ApiKeyResponse.of(apiKey, key);
    }

    @Transactional
    public Page<ApiKeyResponse> list(PageRequest page, Caller caller) {
        return Listing.of(ApiKey.class)
                .filter(
                        "managed",
                        caller.is(Role.ADMIN) ? null : List.of(Role.PARTNER, Role.VIEWER),
                        "e.role in :managed")
                .page(em, cursors, SORTS.parse(null), page, k -> ApiKeyResponse.of(k, null));
    }

    @Transactional
    public void revoke(UUID id, Caller caller) {
        ApiKey key = ApiKey.findById(id);
        if (key == null || (!caller.is(Role.ADMIN) && !managedByOfficers(key.role))) {
            throw ProblemException.notFound("API key", id);
        }
        if (key.revokedAt == null) {
            key.revokedAt = clock.instant();
        }
    }

    /**
     * The caller a presented key stands for, if the key exists, is not revoked and has not expired.
     * Every request asks the database (so a revocation counts at once, on every instance); one
     * indexed read on a pooled connection, without an ORM session or a transaction, keeps that cheap.
     */
    public Optional<Caller> authenticate(String presented) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "select name, role, firm_id, id from api_key where key_hash = ? and revoked_at is null "
                                + "and (expires_at is null or expires_at > ?)")) {
            select.setString(1, ApiKeys.hash(presented));
            select.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Caller(
                                row.getString(1),
                                Role.valueOf(row.getString(2)),
                                row.getObject(3, UUID.class),
                                "api-key:" + row.getObject(4, UUID.class)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read API keys", e);
        }
    }

    /**
     * The documented bootstrap: PT_BOOTSTRAP_ADMIN_KEY becomes the first admin key while no usable
     * (unrevoked, unexpired) admin key exists. A start that would leave nobody able to sign in as an
     * admin stops instead, with one line naming the variable: a malformed key, a key that was revoked,
     * or — outside development mode, without an identity provider — no admin key at all.
     */
    @Transactional
    public void bootstrap() {
        bootstrap(
                bootstrapKey.orElse(null), LaunchMode.current() == LaunchMode.DEVELOPMENT, identityProviderConfigured);
    }

    /** {@link #bootstrap()} with its settings given, so that every branch can be tested. */
    @Transactional
    void bootstrap(String configuredKey, boolean developmentMode, boolean identityProvider) {
        String key = configuredKey == null || configuredKey.isBlank() ? null : configuredKey.trim();
        // Its form was checked with the settings (SecuritySettings).
        em.createNativeQuery("select pg_advisory_xact_lock(7245001)").getSingleResult();
        if (usableAdminKeys() > 0) {
            return;
        }
        if (key == null) {
            offerDevelopmentKey(developmentMode, identityProvider);
            return;
        }
        if (ApiKey.count("keyHash", ApiKeys.hash(key)) > 0) {
            throw new ConfigurationException(
                    "PT_BOOTSTRAP_ADMIN_KEY names a key that was revoked or has expired, and "
                            + "no admin key is usable: set PT_BOOTSTRAP_ADMIN_KEY to a new key (`echo ptk_$(openssl rand -hex 24)`)");
        }
        store(BOOTSTRAP_NAME, Role.ADMIN, null, null, key, "PT_BOOTSTRAP_ADMIN_KEY");
        LOG.info("Created the first admin API key from PT_BOOTSTRAP_ADMIN_KEY");
    }

    private long usableAdminKeys() {
        return ApiKey.count(
                "role = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2)",
                Role.ADMIN,
                clock.instant());
    }

    /**
     * In development mode only, a first run without PT_BOOTSTRAP_ADMIN_KEY still gets an admin key,
     * printed once, so a newcomer can try the API at once. Elsewhere a service nobody can administer is
     * a misconfiguration, unless admins sign in through the identity provider.
     */
    private void offerDevelopmentKey(boolean developmentMode, boolean identityProvider) {
        if (!developmentMode) {
            if (!identityProvider) {
                throw new ConfigurationException("No admin can sign in: set PT_BOOTSTRAP_ADMIN_KEY for the first start "
                        + "(`echo ptk_$(openssl rand -hex 24)`), or MP_JWT_VERIFY_PUBLICKEY_LOCATION for the school's "
                        + "identity provider");
            }
            return;
        }
        String key = ApiKeys.newKey();
        store(BOOTSTRAP_NAME, Role.ADMIN, null, null, key, "development mode");
        LOG.warnf(
                "Development mode: created the first admin API key %s (shown once). Use it as "
                        + "'Authorization: Bearer <key>' or in Swagger UI's Authorize dialog.",
                key);
    }

    private ApiKey store(String name, Role role, UUID firmId, Instant expiresAt, String key, String createdBy) {
        ApiKey apiKey = new ApiKey();
        apiKey.id = UUID.randomUUID();
        apiKey.name = name;
        apiKey.role = role;
        apiKey.firmId = firmId;
        apiKey.expiresAt = expiresAt;
        apiKey.keyHash = ApiKeys.hash(key);
        apiKey.keyPrefix = ApiKeys.displayPrefix(key);
        apiKey.createdBy = createdBy;
        apiKey.persist();
        return apiKey;
    }

    /**
     * Asked of the table, not of the firm's entity: the firm package depends on this one (a
     * partner's scope), so this one must not depend on it.
     */
    private boolean firmExists(UUID firmId) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from firm where id = :id)")
                .setParameter("id", firmId)
                .getSingleResult();
    }

    private static void requireMayManage(Caller caller, Role role) {
        if (!caller.is(Role.ADMIN) && !managedByOfficers(role)) {
            throw new ProblemException(
                    403, "forbidden", "Not allowed", "Officers may create and revoke only PARTNER and VIEWER keys");
        }
    }

    private static boolean managedByOfficers(Role role) {
        return role == Role.PARTNER || role == Role.VIEWER;
    }
}
