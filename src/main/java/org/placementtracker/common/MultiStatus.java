package org.placementtracker.common;

import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** 207 Multi-Status: one result per item of a request that may partly succeed (a batch import). */
public final class MultiStatus {

    private MultiStatus() {}

    public static <T> RestResponse<T> of(T results) {
        return RestResponse.ResponseBuilder.<T>create(207)
                .entity(results)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
