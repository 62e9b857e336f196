package org.placementtracker.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.placementtracker.support.TestDatabase;

/**
 * A start that would leave nobody able to administer the service stops with one line naming the
 * variable and the fix. Each test runs in a transaction that is rolled back, so the admin keys the
 * other tests use are untouched.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class BootstrapAdminKeyTest {

    @Inject
    ApiKeyService keys;

    @Inject
    EntityManager em;

    private static final String NEW_KEY = "ptk_" + "b".repeat(40);

    private long usableAdmins() {
        return em.createQuery(
                        "select count(k) from ApiKey k where k.role = :admin and k.revokedAt is null "
                                + "and (k.expiresAt is null or k.expiresAt > :now)",
                        Long.class)
                .setParameter("admin", Role.ADMIN)
                .setParameter("now", Instant.now())
                .getSingleResult();
    }

    private void revokeEveryAdminKey() {
        em.createQuery("update ApiKey k set k.revokedAt = :now where k.role = :admin")
                .setParameter("now", Instant.now())
                .setParameter("admin", Role.ADMIN)
                .executeUpdate();
    }

    @TestTransaction
    void aMalformedKeyStopsTheStart() {
        ConfigurationException refused =
                assertThrows(ConfigurationException.class, () -> keys.bootstrap("ptk_...", false, true));
        assertThat(refused.getMessage(), containsString("PT_BOOTSTRAP_ADMIN_KEY"));
        assertEquals(1, refused.getMessage().lines().count());
    }

    @Test
    @TestTransaction
    void expiredAdminKeysDoNotCountAsPresent() {
        em.createQuery("update ApiKey k set k.expiresAt = :past where k.role = :admin")
                .setParameter("past", Instant.now().minusSeconds(3600))
                .setParameter("admin", Role.ADMIN)
                .executeUpdate();
        assertEquals(0, usableAdmins());
        keys.bootstrap(NEW_KEY, false, true);
        assertEquals(1, usableAdmins());
        assertEquals(
                ApiKeys.hash(NEW_KEY),
                em.createQuery(
                                "select k.keyHash from ApiKey k where k.role = :admin "
                                        + "and k.revokedAt is null and k.expiresAt is null",
                                String.class)
                        .setParameter("admin", Role.ADMIN)
                        .getSingleResult());
    }

    @Test
    @TestTransaction
    void aRevokedBootstrapKeyIsNotRestoredAndStopsTheStartWhenNoAdminIsLeft() {
        revokeEveryAdminKey();
        keys.bootstrap(NEW_KEY, false, true);
        assertEquals(1, usableAdmins());
        revokeEveryAdminKey();
        ConfigurationException refused =
                assertThrows(ConfigurationException.class, () -> keys.bootstrap(NEW_KEY, false, true));
        assertThat(refused.getMessage(), containsString("PT_BOOTSTRAP_ADMIN_KEY"));
        assertEquals(0, usableAdmins());
    }

    @Test
    @TestTransaction
    void aStaleBootstrapKeyIsHarmlessWhileAnotherAdminExists() {
        long before = usableAdmins();
        keys.bootstrap("ptk_" + "c".repeat(40), false, true);
        assertEquals(before, usableAdmins());
    }

    @Test
    @TestTransaction
    void withoutAnyWayForAnAdminToSignInTheStartStops() {
        revokeEveryAdminKey();
        ConfigurationException refused =
                assertThrows(ConfigurationException.class, () -> keys.bootstrap(null, false, false));
        assertThat(refused.getMessage(), containsString("PT_BOOTSTRAP_ADMIN_KEY"));
        // With an identity provider, admins sign in with its tokens.
        keys.bootstrap(null, false, true);
        assertEquals(0, usableAdmins());
    }

    @Test
    void aMissingOrBadDataKeyStopsTheStart() {
        for (String bad : new String[] {"", "not base64!", "c2hvcnQ="}) {
            ConfigurationException refused =
                    assertThrows(ConfigurationException.class, () -> new PersonalDataCipher(Optional.of(bad)));
            assertThat(refused.getMessage(), containsString("PT_DATA_KEY"));
            assertThat(refused.getMessage(), containsString("openssl rand -base64 32"));
        }
        assertThrows(ConfigurationException.class, () -> new PersonalDataCipher(Optional.empty()));
    }
}
