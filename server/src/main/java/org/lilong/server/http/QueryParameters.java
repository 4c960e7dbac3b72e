package org.lilong.server.http;

import io.javalin.http.Context;
import java.util.List;

/** Query parameters that may be given at most once. */
final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * The parameter's value, or null when it is absent.
     *
     * @throws ApiProblem 400 naming the parameter when it is given more than once
     */
    static String single(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() != 1) {
            throw ApiProblem.invalidParameter(name, "give it once");
        }
        return values.get(0);
    }
}
