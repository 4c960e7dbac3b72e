package org.lilong.layers.accounts;

import java.time.Instant;

/**
 * A login, as the store keeps it: the SHA-256 of the cookie's secret (not the secret), the account,
 * the session epoch it was made in (a later password change or disabling ends it) and the CSRF token
 * every write made with it must repeat. Kept in the store, so any server sharing the database knows it.
 */
public record Session(String idHash, String username, long sessionEpoch, String csrfToken, Instant created, Instant expires) {
}
