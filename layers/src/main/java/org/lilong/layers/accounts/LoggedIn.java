package org.lilong.layers.accounts;

/**
 * A live session: the account as it is now, and the session's CSRF token.
 *
 * @param secret the cookie value; only set when the session was just started (it is not stored)
 */
public record LoggedIn(Account account, String csrfToken, String secret) {
}
