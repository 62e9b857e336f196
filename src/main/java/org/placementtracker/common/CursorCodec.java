package org.placementtracker.common;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Opaque, tamper-evident list cursors: the position of the last row seen, bound to the query it
 * came from and signed with HMAC-SHA256. Several instances must share {@code CURSOR_SECRET}
 * for a cursor from one to be accepted by another.
 */
@Startup
@ApplicationScoped
public class CursorCodec {

    private static final Logger LOG = Logger.getLogger(CursorCodec.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final ObjectMapper mapper;
    private final CursorAudience audience;

    /**
     * The longest cursor accepted. A list's cursor carries its filters, so one for a search in Chinese
     * text (each character nine bytes once URL-encoded) runs past 2,000 characters.
     */
    public static final int MAX_LENGTH = 4096;

    public CursorCodec(CursorSettings settings, ObjectMapper mapper, CursorAudience audience) {
        Optional<String> secret = settings.secret();
        this.mapper = mapper;
        this.audience = audience;
        // Its length was checked with the settings (CursorSettings).
        if (secret.isPresent() && !secret.get().isBlank()) {
            this.key = secret.get().trim().getBytes(StandardCharsets.UTF_8);
        } else {
            this.key = new byte[32];
            new SecureRandom().nextBytes(this.key);
            LOG.warn("CURSOR_SECRET is not set: list cursors are signed with a random key and stop working "
                    + "after a restart or on another instance");
        }
    }

    public String encode(String scope, List<String> position) {
        try {
            byte[] payload = mapper.writeValueAsBytes(Map.of("q", scope, "a", audience.current(), "p", position));
            return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode cursor", e);
        }
    }

    /** The position stored in a cursor issued for the same query, or a 400 problem. */
    public List<String> decode(String scope, String cursor) {
        try {
            int dot = cursor.indexOf('.');
            if (dot < 0 || cursor.length() > MAX_LENGTH) {
                throw invalid();
            }
            byte[] payload = DECODER.decode(cursor.substring(0, dot));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                throw invalid();
            }
            Map<String, Object> content = mapper.readValue(payload, new TypeReference<Map<String, Object>>() {});
            if (!audience.current().equals(content.get("a"))) {
                throw ProblemException.invalidQuery("cursor", "was issued to another caller");
            }
            if (!scope.equals(content.get("q"))) {
                throw ProblemException.invalidQuery("cursor", "belongs to a different query (filters or sort changed)");
            }
            @SuppressWarnings("unchecked")
            List<String> position = (List<String>) content.get("p");
            return position;
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalidQuery("cursor", "is not a cursor issued by this service");
    }

    private byte[] sign(byte[] payload) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(payload);
    }
}
