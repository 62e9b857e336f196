package org.placementtracker.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.resteasy.reactive.RestResponse;
import org.placementtracker.common.ProblemException;
import org.placementtracker.common.TransactionLimits;

/**
 * Runs an idempotent operation inside one transaction with its record: the first request's status
 * and body are stored with the key in the same commit as its effect. A transaction-scoped advisory
 * lock on (credential, key) makes a concurrent duplicate, on any instance, answer 409 instead of
 * waiting or acting twice; a request that fails stores nothing, so it may be retried.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** What a replay gives back: the stored answer, and that it is one. */
    record Outcome(Object result, boolean replayed) {}

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Duration retention;

    public IdempotencyStore(EntityManager em, ObjectMapper mapper, IdempotencySettings settings) {
        this.em = em;
        this.mapper = mapper;
        this.retention = settings.retention();
    }

    // A batch import under a key runs in this transaction.
    @Transactional
    @TransactionConfiguration(timeout = TransactionLimits.LONGEST_SECONDS)
    public Outcome execute(String credential, String key, String requestHash, InvocationContext operation)
            throws Exception {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(:k, 0))")
                .setParameter("k", credential + "\n" + key)
                .getSingleResult();
        if (!locked) {
            throw ProblemException.conflict(
                    "idempotency-key-in-use",
                    "Request with this key still running",
                    "A request with the same Idempotency-Key is being processed; retry when it has finished");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("select request_hash, status, body, location from "
                        + "idempotency_record where credential = :c and idem_key = :k and created_at > :since")
                .setParameter("c", credential)
                .setParameter("k", key)
                .setParameter("since", OffsetDateTime.now().minus(retention))
                .getResultList();
        if (!stored.isEmpty()) {
            Object[] row = stored.get(0);
            if (!requestHash.equals(row[0])) {
                throw new ProblemException(
                        422,
                        "idempotency-key-reused",
                        "Idempotency-Key reused",
                        "This Idempotency-Key was used for a different request");
            }
            return new Outcome(replay(operation, ((Number) row[1]).intValue(), (String) row[2], (String) row[3]), true);
        }
        Object result = operation.proceed();
        record(credential, key, requestHash, result);
        return new Outcome(result, false);
    }

    private void record(String credential, String key, String requestHash, Object result)
            throws JsonProcessingException {
        int status = 200;
        Object body = result;
        String location = null;
        if (result instanceof RestResponse<?> response) {
            status = response.getStatus();
            body = response.getEntity();
            location = response.getLocation() == null
                    ? null
                    : response.getLocation().toString();
        }
        em.createNativeQuery("delete from idempotency_record where credential = :c and idem_key = :k")
                .setParameter("c", credential)
                .setParameter("k", key)
                .executeUpdate();
        em.createNativeQuery("insert into idempotency_record (credential, idem_key, request_hash, status, body, "
                        + "location) values (:c, :k, :h, :s, :b, :l)")
                .setParameter("c", credential)
                .setParameter("k", key)
                .setParameter("h", requestHash)
                .setParameter("s", status)
                .setParameter("b", body == null ? null : mapper.writeValueAsString(body))
                .setParameter("l", location)
                .executeUpdate();
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            // Expired records are swept now and then by the writers themselves: no scheduler needed.
            em.createNativeQuery("delete from idempotency_record where created_at < :before")
                    .setParameter("before", OffsetDateTime.now().minus(retention))
                    .executeUpdate();
        }
    }

    /** The stored answer, as the operation's own return type, so it serialises exactly as the first did. */
    private Object replay(InvocationContext operation, int status, String body, String location) throws Exception {
        Type returned = operation.getMethod().getGenericReturnType();
        if (operation.getMethod().getReturnType() == RestResponse.class) {
            Type entityType = returned instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            Object entity = body == null ? null : mapper.readValue(body, mapper.constructType(entityType));
            RestResponse.ResponseBuilder<Object> builder =
                    RestResponse.ResponseBuilder.create(status).entity(entity);
            if (location != null) {
                builder.location(URI.create(location));
            }
            return builder.build();
        }
        JavaType type = mapper.constructType(returned);
        return body == null ? null : mapper.readValue(body, type);
    }
}
