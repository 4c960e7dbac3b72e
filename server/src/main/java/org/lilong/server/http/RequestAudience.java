package org.lilong.server.http;

import io.javalin.http.Context;
import org.lilong.layers.model.Visibility;

/**
 * Who is asking, as far as attribute visibility goes. Until accounts exist every request is public;
 * this is the one place that will read the session.
 */
public final class RequestAudience {

    private RequestAudience() {
    }

    public static Visibility of(Context ctx) {
        return Visibility.PUBLIC;
    }
}
