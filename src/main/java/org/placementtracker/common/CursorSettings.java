package org.placementtracker.common;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** The key that signs list cursors (see {@link CursorCodec}). */
@ConfigMapping(prefix = "pt.cursor")
public interface CursorSettings {

    /**
     * CURSOR_SECRET: unset means a random key per start. A shorter one could be guessed, and cursors
     * forged to reach rows of another query.
     */
    Optional<
                    @Size(
                            min = 32,
                            message = "CURSOR_SECRET must have at least 32 characters (it signs list cursors): "
                                    + "generate one with `openssl rand -base64 32` and give every instance the same")
                    String>
            secret();
}
