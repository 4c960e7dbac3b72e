package org.lilong.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.lilong.layers.accounts.Accounts;
import org.lilong.layers.accounts.LoggedIn;

/**
 * Identifies the caller of every request before its route runs: a bearer token
 * ({@code Authorization: Bearer llt_…}) or the session cookie; neither means the public (other
 * Authorization schemes belong to whatever stands in front of Lilong and are ignored). Writes made
 * with the cookie must carry the session's CSRF token in {@value #CSRF_HEADER} (a cross-site form
 * cannot read it), or they are refused before they reach a route. A request without credentials
 * costs nothing here: the store is asked only when a cookie or token comes.
 */
final class Authentication {

    static final String SESSION_COOKIE = "lilong_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Accounts accounts;

    Authentication(Accounts accounts) {
        this.accounts = accounts;
    }

    void register(JavalinConfig javalin) {
        javalin.routes.before(this::identify);
    }

    private void identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        // Only Bearer is ours: another scheme (a proxy's Basic authentication in front of Lilong, say)
        // is left alone, and the request is judged by its cookie or as the public's.
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.attribute(Caller.ATTRIBUTE, bearer(ctx, authorization));
            return;
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie == null) {
            return;
        }
        Optional<LoggedIn> session = accounts.session(cookie);
        if (session.isEmpty()) {
            // An ended or expired session: the request is the public's; tell the browser to forget it.
            ctx.header("Set-Cookie", SessionCookie.cleared(ctx));
            return;
        }
        Caller caller = new Caller(session.get().account(), true, session.get().csrfToken());
        if (!SAFE.contains(ctx.method()) && !AuthRoutes.LOGIN.equals(ctx.path())) {
            requireCsrfToken(ctx, caller);
        }
        ctx.attribute(Caller.ATTRIBUTE, caller);
    }

    private Caller bearer(Context ctx, String authorization) {
        return accounts.authenticateToken(authorization.substring(7).strip())
                .map(account -> new Caller(account, false, null))
                .orElseThrow(() -> {
                    ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                    return new ApiProblem(401, "invalid-token", "Invalid token",
                            "the bearer token is unknown, revoked, or its account is disabled", "Authorization");
                });
    }

    private static void requireCsrfToken(Context ctx, Caller caller) {
        String sent = ctx.header(CSRF_HEADER);
        boolean matches = sent != null && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), caller.csrfToken().getBytes(StandardCharsets.UTF_8));
        if (!matches) {
            throw new ApiProblem(403, "csrf-token", "Missing or wrong CSRF token",
                    "a write made with the session cookie must send the session's token in the " + CSRF_HEADER
                            + " header (GET /auth/session gives it)", CSRF_HEADER);
        }
    }
}
