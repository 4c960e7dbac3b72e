package org.lilong.server.http;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * The session cookie's attributes: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page sends it), Path=/, and Secure when the request came over TLS (directly, or through a proxy
 * that says so in X-Forwarded-Proto).
 */
final class SessionCookie {

    static final Duration LIFETIME = Duration.ofHours(8);

    private SessionCookie() {
    }

    static String of(Context ctx, String secret) {
        return Authentication.SESSION_COOKIE + "=" + secret + "; Path=/; Max-Age=" + LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (overTls(ctx) ? "; Secure" : "");
    }

    static String cleared(Context ctx) {
        return Authentication.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (overTls(ctx) ? "; Secure" : "");
    }

    private static boolean overTls(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
