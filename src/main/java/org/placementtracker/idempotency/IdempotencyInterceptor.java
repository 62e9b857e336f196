package org.placementtracker.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.placementtracker.common.CallerCredential;
import org.placementtracker.common.ProblemException;

/**
 * Safe retries for POSTs: with an {@code Idempotency-Key} header the operation runs through the
 * {@link IdempotencyStore}; a replay carries {@code Idempotency-Replayed: true}.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VISIBLE = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final CurrentVertxRequest request;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    public IdempotencyInterceptor(
            IdempotencyStore store, CurrentVertxRequest request, SecurityIdentity identity, ObjectMapper mapper) {
        this.store = store;
        this.request = request;
        this.identity = identity;
        this.mapper = mapper;
    }

    @AroundInvoke
    Object around(InvocationContext operation) throws Exception {
        String key = request.getCurrent().request().getHeader(HEADER);
        if (key == null) {
            return operation.proceed();
        }
        if (!VISIBLE.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        Object credential = identity.getAttribute(CallerCredential.ATTRIBUTE);
        IdempotencyStore.Outcome outcome =
                store.execute(String.valueOf(credential), key, fingerprint(operation), operation);
        if (outcome.replayed()) {
            request.getCurrent().response().putHeader("Idempotency-Replayed", "true");
        }
        return outcome.result();
    }

    /** The request as the operation received it: its path and its parsed arguments, canonically serialised. */
    private String fingerprint(InvocationContext operation) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(request.getCurrent().request().path().getBytes(StandardCharsets.UTF_8));
        digest.update(mapper.writeValueAsBytes(operation.getParameters()));
        return HexFormat.of().formatHex(digest.digest());
    }
}
