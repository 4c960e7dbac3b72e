package org.lilong.layers.accounts;

/** A freshly issued API token: its record, and the secret, which is shown this once and never stored. */
public record IssuedToken(ApiToken token, String secret) {
}
