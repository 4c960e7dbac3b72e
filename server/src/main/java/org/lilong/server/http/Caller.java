package org.lilong.server.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.lilong.layers.accounts.Account;

/**
 * Who sent the request, when it came with credentials: the account, and how it proved itself. A
 * browser session carries ambient credentials (the cookie), so its writes must repeat the session's
 * CSRF token; a bearer token is sent deliberately and needs none.
 *
 * @param csrfToken the session's token, or null for a bearer token
 */
public record Caller(Account account, boolean viaSession, String csrfToken) {

    static final String ATTRIBUTE = "lilong.caller";

    /** The caller {@link Authentication} identified, or empty for the public. */
    public static Optional<Caller> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}
