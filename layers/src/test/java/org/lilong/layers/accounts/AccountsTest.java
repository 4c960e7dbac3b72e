package org.lilong.layers.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.StoreFixtures;
import org.lilong.layers.store.gpkg.GeoPackageStore;

/** The rules about accounts, on a real GeoPackage store (bcrypt at its minimum cost, 4, to stay fast). */
class AccountsTest {

    private static final char[] PASSWORD = "correct horse battery".toCharArray();
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @TempDir
    Path directory;

    private final MovableClock clock = new MovableClock(NOW);
    private FeatureStore store;
    private Accounts accounts;

    @BeforeEach
    void open() {
        store = GeoPackageStore.open(directory.resolve("lilong.gpkg"), StoreFixtures.CATALOGUE);
        accounts = new Accounts(store.accounts(), new PasswordHasher(4), () -> Set.of("xdm", "wt"), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theRightPasswordAuthenticates() {
        Account added = accounts.add("li", PASSWORD, Role.EDITOR, Set.of("xdm"));

        assertThat(accounts.authenticate("li", PASSWORD)).contains(added);
        assertThat(added.created()).isEqualTo(NOW);
    }

    @Test
    void aWrongPasswordOrUnknownUserDoesNot() {
        accounts.add("li", PASSWORD, Role.EDITOR, Set.of("xdm"));

        assertThat(accounts.authenticate("li", "correct horse battery!".toCharArray())).isEmpty();
        assertThat(accounts.authenticate("wang", PASSWORD)).isEmpty();
        assertThat(accounts.authenticate(null, PASSWORD)).isEmpty();
    }

    @Test
    void aDisabledAccountCannotLogInUntilEnabled() {
        accounts.add("li", PASSWORD, Role.PLANNER, Set.of());

        accounts.disable("li");
        assertThat(accounts.authenticate("li", PASSWORD)).isEmpty();
        accounts.enable("li");
        assertThat(accounts.authenticate("li", PASSWORD)).isPresent();
    }

    @Test
    void thePasswordIsStoredAsASaltedBcryptHash() {
        accounts.add("li", PASSWORD, Role.PLANNER, Set.of());
        accounts.add("wang", PASSWORD, Role.PLANNER, Set.of());

        String li = store.accounts().find("li").orElseThrow().passwordHash();
        String wang = store.accounts().find("wang").orElseThrow().passwordHash();
        assertThat(li).startsWith("$2b$04$").doesNotContain(new String(PASSWORD));
        assertThat(li).isNotEqualTo(wang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "nine char", "\u0000abcdefghijkl", "密码密码密码密码密码密码密码密码密码密码密码密码密码密码密码"})
    void aPasswordThePolicyRefusesStoresNothing(String password) {
        assertThatThrownBy(() -> accounts.add("li", password.toCharArray(), Role.PLANNER, Set.of()))
                .isInstanceOf(AccountException.class).hasMessageContaining("password");
        assertThat(accounts.list()).isEmpty();
    }

    @Test
    void aPasswordOfSeventyTwoBytesIsAccepted() {
        char[] longest = "密".repeat(24).toCharArray(); // 24 × 3 bytes
        accounts.add("li", longest, Role.PLANNER, Set.of());

        assertThat(accounts.authenticate("li", longest)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "-li", "li wang", "li/../admin", "<script>", "li\nadmin"})
    void aUsernameThePolicyRefusesStoresNothing(String username) {
        assertThatThrownBy(() -> accounts.add(username, PASSWORD, Role.PLANNER, Set.of()))
                .isInstanceOf(AccountException.class).hasMessageContaining("username");
        assertThat(accounts.list()).isEmpty();
    }

    @Test
    void aChineseUsernameIsFine() {
        accounts.add("张伟", PASSWORD, Role.PLANNER, Set.of());

        assertThat(accounts.authenticate("张伟", PASSWORD)).isPresent();
    }

    @Test
    void anEditorNeedsAScopeOfKnownSubdistricts() {
        assertThatThrownBy(() -> accounts.add("li", PASSWORD, Role.EDITOR, Set.of()))
                .isInstanceOf(AccountException.class).hasMessageContaining("at least one sub-district");
        assertThatThrownBy(() -> accounts.add("li", PASSWORD, Role.EDITOR, Set.of("xdm", "nowhere")))
                .isInstanceOf(AccountException.class).hasMessageContaining("nowhere").hasMessageContaining("known codes: wt, xdm");
        assertThat(accounts.list()).isEmpty();
    }

    @Test
    void onlyEditorsHaveAScope() {
        assertThatThrownBy(() -> accounts.add("li", PASSWORD, Role.PLANNER, Set.of("xdm")))
                .isInstanceOf(AccountException.class).hasMessageContaining("only editors");
    }

    @Test
    void anEditorMayEditOnlyItsOwnSubdistrictsAndAnAdminAll() {
        Account editor = accounts.add("li", PASSWORD, Role.EDITOR, Set.of("xdm"));
        Account admin = accounts.add("root", PASSWORD, Role.ADMIN, Set.of());
        Account planner = accounts.add("zhao", PASSWORD, Role.PLANNER, Set.of());

        assertThat(editor.mayEditSubdistrict("xdm")).isTrue();
        assertThat(editor.mayEditSubdistrict("wt")).isFalse();
        assertThat(admin.mayEditSubdistrict("wt")).isTrue();
        assertThat(planner.mayEditSubdistrict("xdm")).isFalse();
    }

    @Test
    void aNewPasswordReplacesTheOldAndEndsSessions() {
        accounts.add("li", PASSWORD, Role.PLANNER, Set.of());
        char[] next = "a much longer new passphrase".toCharArray();

        accounts.changePassword("li", next);

        assertThat(accounts.authenticate("li", PASSWORD)).isEmpty();
        assertThat(accounts.authenticate("li", next).orElseThrow().sessionEpoch()).isEqualTo(1);
    }

    @Test
    void anIssuedTokenActsAsItsAccountUntilRevoked() {
        Account li = accounts.add("li", PASSWORD, Role.EDITOR, Set.of("xdm"));
        IssuedToken issued = accounts.issueToken("li", "QGIS");

        assertThat(issued.secret()).startsWith(Accounts.TOKEN_PREFIX).hasSizeGreaterThan(40);
        assertThat(accounts.authenticateToken(issued.secret())).contains(li);
        assertThat(accounts.revokeToken(issued.token().id())).isTrue();
        assertThat(accounts.authenticateToken(issued.secret())).isEmpty();
    }

    @Test
    void aTokenOfADisabledAccountDoesNotAuthenticate() {
        accounts.add("li", PASSWORD, Role.PLANNER, Set.of());
        IssuedToken issued = accounts.issueToken("li", "script");

        accounts.disable("li");

        assertThat(accounts.authenticateToken(issued.secret())).isEmpty();
    }

    @Test
    void aMadeUpOrAlteredTokenDoesNotAuthenticate() {
        accounts.add("li", PASSWORD, Role.PLANNER, Set.of());
        String secret = accounts.issueToken("li", "script").secret();

        assertThat(accounts.authenticateToken(secret.substring(0, secret.length() - 1) + "x")).isEmpty();
        assertThat(accounts.authenticateToken(secret.substring(Accounts.TOKEN_PREFIX.length()))).isEmpty();
        assertThat(accounts.authenticateToken(null)).isEmpty();
    }

    @Test
    void theTokenSecretIsNotStored() throws Exception {
        accounts.add("li", PASSWORD, Role.PLANNER, Set.of());
        String secret = accounts.issueToken("li", "script").secret();
        store.close();

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("lilong.gpkg"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM lilong_api_tokens")) {
            assertThat(rows.next()).isTrue();
            for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                assertThat(String.valueOf(rows.getString(column))).doesNotContain(secret.substring(Accounts.TOKEN_PREFIX.length()));
            }
        }
        store = GeoPackageStore.open(directory.resolve("lilong.gpkg"), StoreFixtures.CATALOGUE);
    }

    @Test
    void aStartedSessionFindsItsAccountAndCsrfToken() {
        Account li = accounts.add("li", PASSWORD, Role.EDITOR, Set.of("xdm"));

        LoggedIn started = accounts.startSession(li, Duration.ofHours(8));
        LoggedIn found = accounts.session(started.secret()).orElseThrow();

        assertThat(found.account()).isEqualTo(li);
        assertThat(found.csrfToken()).isEqualTo(started.csrfToken()).isNotEqualTo(started.secret()).hasSizeGreaterThan(40);
    }

    @Test
    void eachLoginGetsItsOwnSecretAndCsrfToken() {
        Account li = accounts.add("li", PASSWORD, Role.EDITOR, Set.of("xdm"));

        LoggedIn first = accounts.startSession(li, Duration.ofHours(8));
        LoggedIn second = accounts.startSession(li, Duration.ofHours(8));

        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThat(second.csrfToken()).isNotEqualTo(first.csrfToken());
    }

    @Test
    void aSessionEndsAtLogoutExpiryPasswordChangeOrDisabling() {
        Account li = accounts.add("li", PASSWORD, Role.EDITOR, Set.of("xdm"));
        String loggedOut = accounts.startSession(li, Duration.ofHours(8)).secret();
        String expiring = accounts.startSession(li, Duration.ofMinutes(5)).secret();
        String beforePassword = accounts.startSession(li, Duration.ofHours(8)).secret();

        accounts.endSession(loggedOut);
        clock.advance(Duration.ofMinutes(5));
        assertThat(accounts.session(loggedOut)).isEmpty();
        assertThat(accounts.session(expiring)).isEmpty();
        assertThat(accounts.session(beforePassword)).isPresent();

        accounts.changePassword("li", "a different passphrase".toCharArray());
        assertThat(accounts.session(beforePassword)).isEmpty();

        Account after = accounts.find("li").orElseThrow();
        String beforeDisabling = accounts.startSession(after, Duration.ofHours(8)).secret();
        accounts.disable("li");
        assertThat(accounts.session(beforeDisabling)).isEmpty();
    }

    @Test
    void aMadeUpSessionSecretFindsNothing() {
        assertThat(accounts.session("not-a-session")).isEmpty();
        assertThat(accounts.session("")).isEmpty();
        assertThat(accounts.session(null)).isEmpty();
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
