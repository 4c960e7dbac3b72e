package org.lilong.layers.accounts;

import java.time.Instant;

/**
 * A bearer token for scripts and desktop GIS, acting as its account. Only a hash of the secret is
 * stored; the secret is shown once, when the token is issued.
 */
public record ApiToken(long id, String username, String label, Instant created, boolean revoked) {
}
