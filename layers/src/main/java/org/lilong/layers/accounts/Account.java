package org.lilong.layers.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person or script that may log in. The password hash is kept apart ({@link StoredAccount}) so an
 * account can be passed around and shown without it.
 *
 * @param scopes the codes of the sub-districts an editor may change (empty for other roles)
 * @param sessionEpoch raised whenever the password changes or the account is disabled, which ends every
 *     session and token check made against an older epoch
 */
public record Account(String username, Role role, Set<String> scopes, boolean disabled, Instant created, long sessionEpoch) {

    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(created, "created");
        scopes = Set.copyOf(new TreeSet<>(scopes));
        if (role != Role.EDITOR && !scopes.isEmpty()) {
            throw new IllegalArgumentException("only editors have sub-district scopes");
        }
    }

    /** True when the account may change features of the sub-district with this code. */
    public boolean mayEditSubdistrict(String subdistrictCode) {
        return !disabled && (role == Role.ADMIN || role == Role.EDITOR && scopes.contains(subdistrictCode));
    }
}
