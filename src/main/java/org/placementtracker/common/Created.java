package org.placementtracker.common;

import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** 201 Created with the new resource's Location and its representation. */
public final class Created {

    private Created() {}

    public static <T> RestResponse<T> at(String location, T body) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(location))
                .entity(body)
                .build();
    }
}
