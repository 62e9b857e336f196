package org.placementtracker.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;

/**
 * Keys and claims of the service's own security. What a single value must look like is checked
 * here; whether the settings fit together (a data key is required with a database server, someone
 * must be able to sign in as an admin) where they are used.
 */
@ConfigMapping(prefix = "pt.security")
public interface SecuritySettings {

    /** PT_DATA_KEY: the AES key for ID numbers at rest, base64 of 32 bytes (see {@link PersonalDataCipher}). */
    Optional<
                    @Pattern(
                            regexp = "\\s*[A-Za-z0-9+/]{43}=\\s*",
                            message = "PT_DATA_KEY must be 32 random bytes in base64 (it encrypts ID numbers at rest): "
                                    + "generate one with `openssl rand -base64 32`, keep it safe and give every "
                                    + "instance the same")
                    String>
            dataKey();

    /** PT_BOOTSTRAP_ADMIN_KEY: becomes the first admin API key while no admin key is usable. */
    Optional<
                    @Pattern(
                            regexp = "\\s*ptk_[A-Za-z0-9_-]{32,}\\s*",
                            message = "PT_BOOTSTRAP_ADMIN_KEY must be ptk_ followed by at least 32 letters, digits, - "
                                    + "or _: generate one with `echo ptk_$(openssl rand -hex 24)`")
                    String>
            bootstrapAdminKey();

    /** JWT_FIRM_CLAIM: the token claim that holds a partner's firm id. */
    @WithDefault("firm_id")
    @Pattern(regexp = "[A-Za-z0-9_.:-]{1,100}", message = "JWT_FIRM_CLAIM must name a claim (letters, digits, _ . : -)")
    String jwtFirmClaim();
}
