package org.placementtracker.support;

import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tests' own credentials, made fresh for every run: a data key, the bootstrap admin API key
 * (sent by default with every request, so tests about other things need not care), and an RSA key
 * pair whose public half the service trusts for JWTs, so tests can sign their own tokens.
 */
public final class TestCredentials {

    public static final String ISSUER = "https://idp.test/realms/school";
    public static final String ADMIN_KEY = "ptk_" + random(32);
    private static final KeyPair TOKEN_KEYS = rsa();

    private TestCredentials() {}

    static Map<String, String> configuration() {
        installDefaultCredential();
        return Map.of(
                "pt.security.data-key",
                Base64.getEncoder().encodeToString(randomBytes(32)),
                "pt.security.bootstrap-admin-key",
                ADMIN_KEY,
                "mp.jwt.verify.issuer",
                ISSUER,
                "mp.jwt.verify.publickey",
                Base64.getEncoder().encodeToString(TOKEN_KEYS.getPublic().getEncoded()));
    }

    private static boolean installed;

    /** Requests that carry no Authorization header of their own are sent as the bootstrap admin. */
    private static synchronized void installDefaultCredential() {
        if (installed) {
            return;
        }
        installed = true;
        RestAssured.filters((request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + ADMIN_KEY);
            }
            return context.next(request, response);
        });
    }

    /** A JWT as the identity provider would sign it: the role in "groups", a partner's firm in "firm_id". */
    public static String token(String user, String role, String firmId) {
        var claims = Jwt.issuer(ISSUER)
                .subject(user)
                .upn(user)
                .groups(Set.of(role))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600));
        if (firmId != null) {
            claims.claim("firm_id", firmId);
        }
        return claims.jws().sign(TOKEN_KEYS.getPrivate());
    }

    /** Signs arbitrary claims with the trusted key (for expired or wrong-issuer tokens). */
    public static String signed(Map<String, Object> claims) {
        var builder = Jwt.claims(claims);
        return builder.jws().sign(TOKEN_KEYS.getPrivate());
    }

    /** A token signed by a key the service does not trust. */
    public static String signedByStranger(String user, String role) {
        return Jwt.issuer(ISSUER)
                .subject(user)
                .upn(user)
                .groups(Set.of(role))
                .expiresAt(Instant.now().plusSeconds(600))
                .jws()
                .sign(rsa().getPrivate());
    }

    public static List<String> roles() {
        return List.of("ADMIN", "OFFICER", "VIEWER", "PARTNER");
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String random(int n) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(n));
    }
}
