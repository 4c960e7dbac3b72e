package org.lilong.layers.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do. The public (no account) reads public attributes only; every role reads
 * internal attributes too.
 */
public enum Role {
    /** Reads everything, edits nothing. */
    PLANNER,
    /** Edits the features of the sub-districts in the account's scope. */
    EDITOR,
    /** Edits everything and manages accounts. */
    ADMIN;

    /** The lower-case name used in the store, the CLI and the API. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
