package org.placementtracker.student;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import org.placementtracker.security.PersonalDataCipher;

/**
 * Encrypts ID numbers that a database from before encryption still holds in the clear, once, at
 * start: the database cannot do it itself because only the service holds the key.
 */
public class IdNumberEncryption {

    private static final Logger LOG = Logger.getLogger(IdNumberEncryption.class);

    @Transactional
    void onStart(@Observes StartupEvent event, EntityManager em, PersonalDataCipher cipher) {
        @SuppressWarnings("unchecked")
        List<Object[]> plain = em.createNativeQuery(
                        "select id, id_number from student where id_number is not null " + "for update")
                .getResultList();
        for (Object[] row : plain) {
            String number = ((String) row[1]).toUpperCase();
            em.createNativeQuery("update student set id_number_cipher = :cipher, id_number_hash = :hash, "
                            + "id_number_last4 = :last4, id_number = null where id = :id")
                    .setParameter("cipher", cipher.encrypt(number))
                    .setParameter("hash", cipher.lookupHash(number))
                    .setParameter("last4", number.substring(number.length() - 4))
                    .setParameter("id", row[0])
                    .executeUpdate();
        }
        if (!plain.isEmpty()) {
            LOG.infof("Encrypted %d ID numbers that were stored in the clear", plain.size());
        }
    }
}
