package org.lilong.layers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lilong.layers.accounts.Account;
import org.lilong.layers.accounts.AccountException;
import org.lilong.layers.accounts.AccountStore;
import org.lilong.layers.accounts.ApiToken;
import org.lilong.layers.accounts.Role;
import org.lilong.layers.accounts.Session;
import org.lilong.layers.accounts.StoredAccount;

/**
 * What every store promises about accounts and tokens; each store's test class says how to open it.
 * Hashes here are opaque strings: hashing is {@code Accounts}' business, not the store's.
 */
public abstract class AccountStoreContract {

    private static final Instant CREATED = Instant.parse("2026-11-22T08:00:00.123Z");

    protected FeatureStore store;

    /** An open store with no account. */
    protected abstract FeatureStore openStore() throws Exception;

    /** The last opened store's data opened again (that store is closed). */
    protected abstract FeatureStore reopen() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private AccountStore accounts() {
        return store.accounts();
    }

    private static Account editor(String name, String... scopes) {
        return new Account(name, Role.EDITOR, Set.of(scopes), false, CREATED, 0);
    }

    @Test
    void anInsertedAccountIsFoundWithItsHash() {
        Account account = editor("小东门-editor", "xdm", "wt");
        accounts().insert(account, "hash-1");

        StoredAccount found = accounts().find("小东门-editor").orElseThrow();
        assertThat(found.account()).isEqualTo(account);
        assertThat(found.passwordHash()).isEqualTo("hash-1");
    }

    @Test
    void anUnknownUsernameIsNotFound() {
        assertThat(accounts().find("nobody")).isEmpty();
    }

    @Test
    void accountsAreListedByUsername() {
        accounts().insert(new Account("zhao", Role.PLANNER, Set.of(), false, CREATED, 0), "h");
        accounts().insert(new Account("admin", Role.ADMIN, Set.of(), false, CREATED, 0), "h");
        accounts().insert(editor("li", "xdm"), "h");

        assertThat(accounts().list()).extracting(Account::username).containsExactly("admin", "li", "zhao");
    }

    @Test
    void aTakenUsernameIsRefusedAndTheFirstAccountStaysAsItWas() {
        accounts().insert(editor("li", "xdm"), "first");

        assertThatThrownBy(() -> accounts().insert(new Account("li", Role.ADMIN, Set.of(), false, CREATED, 0), "second"))
                .isInstanceOf(AccountException.class).hasMessageContaining("'li' is taken");
        StoredAccount kept = accounts().find("li").orElseThrow();
        assertThat(kept.account().role()).isEqualTo(Role.EDITOR);
        assertThat(kept.passwordHash()).isEqualTo("first");
    }

    @Test
    void aNewPasswordReplacesTheHashAndRaisesTheSessionEpoch() {
        accounts().insert(editor("li", "xdm"), "old");

        accounts().updatePassword("li", "new");

        StoredAccount after = accounts().find("li").orElseThrow();
        assertThat(after.passwordHash()).isEqualTo("new");
        assertThat(after.account().sessionEpoch()).isEqualTo(1);
    }

    @Test
    void disablingRaisesTheSessionEpochAndEnablingDoesNot() {
        accounts().insert(editor("li", "xdm"), "h");

        accounts().setDisabled("li", true);
        Account disabled = accounts().find("li").orElseThrow().account();
        accounts().setDisabled("li", false);
        Account enabled = accounts().find("li").orElseThrow().account();

        assertThat(disabled.disabled()).isTrue();
        assertThat(disabled.sessionEpoch()).isEqualTo(1);
        assertThat(enabled.disabled()).isFalse();
        assertThat(enabled.sessionEpoch()).isEqualTo(1);
    }

    @Test
    void changesToAnUnknownAccountAreRefused() {
        assertThatThrownBy(() -> accounts().updatePassword("ghost", "h")).isInstanceOf(AccountException.class);
        assertThatThrownBy(() -> accounts().setDisabled("ghost", true)).isInstanceOf(AccountException.class);
        assertThatThrownBy(() -> accounts().insertToken("ghost", "qgis", "abc", CREATED)).isInstanceOf(AccountException.class);
        assertThat(accounts().findToken("abc")).isEmpty();
    }

    @Test
    void aTokenIsFoundByItsSecretHashAndListedWithItsAccount() {
        accounts().insert(editor("li", "xdm"), "h");
        long first = accounts().insertToken("li", "QGIS 工作站", "hash-a", CREATED);
        long second = accounts().insertToken("li", "nightly import", "hash-b", CREATED.plusSeconds(60));

        ApiToken found = accounts().findToken("hash-b").orElseThrow();
        assertThat(found).isEqualTo(new ApiToken(second, "li", "nightly import", CREATED.plusSeconds(60), false));
        assertThat(accounts().tokensOf("li")).extracting(ApiToken::id).containsExactly(first, second);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aTokenIsRevokedOnce() {
        accounts().insert(editor("li", "xdm"), "h");
        long id = accounts().insertToken("li", "qgis", "hash-a", CREATED);

        assertThat(accounts().revokeToken(id)).isTrue();
        assertThat(accounts().revokeToken(id)).isFalse();
        assertThat(accounts().revokeToken(id + 1000)).isFalse();
        assertThat(accounts().findToken("hash-a").orElseThrow().revoked()).isTrue();
    }

    @Test
    void accountsAndTokensOutliveTheStore() throws Exception {
        Account account = editor("li", "xdm");
        accounts().insert(account, "h");
        long id = accounts().insertToken("li", "qgis", "hash-a", CREATED);
        store.close();

        store = reopen();

        assertThat(accounts().find("li").orElseThrow().account()).isEqualTo(account);
        assertThat(accounts().findToken("hash-a").orElseThrow().id()).isEqualTo(id);
    }

    @Test
    void aSessionIsFoundByItsIdHashUntilDeleted() {
        accounts().insert(editor("li", "xdm"), "h");
        Session session = new Session("id-hash", "li", 3, "csrf", CREATED, CREATED.plusSeconds(3600));

        accounts().insertSession(session);
        assertThat(accounts().findSession("id-hash")).contains(session);
        accounts().deleteSession("id-hash");

        assertThat(accounts().findSession("id-hash")).isEmpty();
    }

    @Test
    void aSessionNeedsAnAccount() {
        assertThatThrownBy(() -> accounts().insertSession(new Session("id-hash", "ghost", 0, "csrf", CREATED, CREATED)))
                .isInstanceOf(AccountException.class);
        assertThat(accounts().findSession("id-hash")).isEmpty();
    }

    @Test
    void onlyExpiredSessionsAreForgottenToTheSubSecond() {
        accounts().insert(editor("li", "xdm"), "h");
        Instant now = Instant.parse("2026-11-22T09:00:00.5Z");
        accounts().insertSession(new Session("expired", "li", 0, "c", CREATED, Instant.parse("2026-11-22T09:00:00Z")));
        accounts().insertSession(new Session("live", "li", 0, "c", CREATED, Instant.parse("2026-11-22T09:00:00.75Z")));

        assertThat(accounts().deleteExpiredSessions(now)).isEqualTo(1);

        assertThat(accounts().findSession("expired")).isEmpty();
        assertThat(accounts().findSession("live")).isPresent();
    }
}
