package org.placementtracker.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Limits at the HTTP edge and the rule for conditional writes. Each setting's environment variable
 * is mapped in application.properties and listed in the README's configuration table.
 */
@ConfigMapping(prefix = "pt.http")
public interface HttpSettings {

    /** MAX_BODY_BYTES: the largest request body; a larger one gets 413. */
    @WithDefault("1048576")
    @Min(value = 1024, message = "MAX_BODY_BYTES must be at least 1024 (bytes of a request body)")
    long maxBodySize();

    /** MAX_BATCH_BODY_BYTES: the largest body of a batch import. */
    @WithDefault("16777216")
    @Min(value = 1024, message = "MAX_BATCH_BODY_BYTES must be at least 1024 (bytes of a batch import)")
    long maxBatchBodySize();

    /** The longest request target (path and query); a longer one gets 414. */
    @WithDefault("8192")
    @Min(value = 1024, message = "pt.http.max-uri-length must be 1024 to 65536")
    @Max(value = 65536, message = "pt.http.max-uri-length must be 1024 to 65536")
    int maxUriLength();

    /** The most bytes of request headers; more get 431. */
    @WithDefault("16384")
    @Min(value = 4096, message = "pt.http.max-header-bytes must be 4096 to 65536")
    @Max(value = 65536, message = "pt.http.max-header-bytes must be 4096 to 65536")
    int maxHeaderBytes();

    /** REQUIRE_IF_MATCH: whether PATCH and DELETE must send If-Match (428 without). */
    @WithDefault("false")
    boolean requireIfMatch();
}
