package org.lilong.server.http;

import io.javalin.http.Context;
import org.lilong.layers.model.Visibility;

/**
 * Who is asking, as far as attribute visibility goes: any logged-in account (planner, editor or
 * admin, by session or bearer token) sees internal attributes; the public does not. The one place
 * every output path asks.
 */
public final class RequestAudience {

    private RequestAudience() {
    }

    public static Visibility of(Context ctx) {
        return Caller.of(ctx).isPresent() ? Visibility.INTERNAL : Visibility.PUBLIC;
    }
}
