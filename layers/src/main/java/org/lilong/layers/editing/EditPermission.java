package org.lilong.layers.editing;

import java.util.Set;
import org.lilong.layers.accounts.Account;
import org.lilong.layers.accounts.Role;
import org.lilong.layers.model.Feature;

/**
 * Who may change what: an admin anything editable; an editor a feature whose old and new state both
 * lie in sub-districts of its scope (so it can neither reach into a neighbour's nor move a feature
 * out of its own); a planner nothing.
 */
final class EditPermission {

    private final SubdistrictLocator subdistricts;

    EditPermission(SubdistrictLocator subdistricts) {
        this.subdistricts = subdistricts;
    }

    /** @throws EditForbiddenException naming why */
    void check(Account account, String layerId, Feature before, Feature after) {
        if (account.disabled()) {
            throw new EditForbiddenException("the account '" + account.username() + "' is disabled");
        }
        if (account.role() == Role.ADMIN) {
            return;
        }
        if (account.role() != Role.EDITOR) {
            throw new EditForbiddenException("a " + account.role().code() + " may read but not change features");
        }
        for (Feature state : new Feature[] {before, after}) {
            if (state == null) {
                continue;
            }
            Set<String> codes = subdistricts.codesOf(state.geometry());
            if (codes.isEmpty() || !account.scopes().containsAll(codes)) {
                throw new EditForbiddenException("'" + account.username() + "' may change features in sub-district "
                        + String.join(", ", account.scopes()) + " only; feature " + state.id() + " of '" + layerId + "' "
                        + (codes.isEmpty() ? "lies in no sub-district" : "lies in " + String.join(", ", codes)));
            }
        }
    }
}
