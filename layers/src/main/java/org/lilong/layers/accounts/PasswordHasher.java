package org.lilong.layers.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt (2b, a random 16-byte salt per hash) through at.favre.lib's implementation. The cost is
 * the log2 of the rounds: 12 takes a few hundred milliseconds here, which is the point; tests use
 * the minimum, 4.
 */
public final class PasswordHasher {

    public static final int DEFAULT_COST = 12;
    /** bcrypt reads at most this many bytes of a password; {@link PasswordPolicy} refuses longer ones. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final int cost;

    public PasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4–31: " + cost);
        }
        this.cost = cost;
    }

    public String hash(char[] password) {
        return BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(cost, password);
    }

    /** True when the password matches the hash; false also for a malformed hash. */
    public boolean verify(char[] password, String hash) {
        try {
            return BCrypt.verifyer().verify(password, hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
