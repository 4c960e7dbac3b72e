package org.lilong.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.accounts.Account;
import org.lilong.layers.accounts.Accounts;
import org.lilong.layers.accounts.PasswordHasher;
import org.lilong.layers.accounts.Role;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.gpkg.GeoPackageStore;
import picocli.CommandLine;

/** {@code lilong user …} on a data directory holding the small district (sub-district 310101999). */
class UserCommandTest extends CliTestSupport {

    private static final String PASSWORD = "a long enough passphrase";

    @TempDir
    Path dir;

    private InputStream originalIn;

    @BeforeEach
    void keepStdin() {
        originalIn = System.in;
        smallDistrictData(dir);
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    private int run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--data";
        full[args.length + 1] = dir.toString();
        return new CommandLine(new LilongCommand()).execute(full);
    }

    private Accounts accounts(GeoPackageStore store) {
        return new Accounts(store.accounts(), new PasswordHasher(4), Set::of, Clock.systemUTC());
    }

    private GeoPackageStore openStore() {
        return GeoPackageStore.open(dir.resolve(DataDirectory.FILE_NAME), LayerCatalogue.standard());
    }

    @Test
    void addCreatesAnEditorWhosePasswordWorks() {
        int code = run(PASSWORD + "\n", "user", "add", "li", "--role", "editor", "--scope", "310101999", "--password-stdin");

        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("li\teditor\tscope 310101999");
        try (GeoPackageStore store = openStore()) {
            Account li = accounts(store).authenticate("li", PASSWORD.toCharArray()).orElseThrow();
            assertThat(li.role()).isEqualTo(Role.EDITOR);
            assertThat(li.scopes()).containsExactly("310101999");
        }
    }

    @Test
    void anUnknownScopeIsRefusedAndNothingIsAdded() {
        int code = run(PASSWORD + "\n", "user", "add", "li", "--role", "editor", "--scope", "310101001", "--password-stdin");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("310101001").contains("known codes: 310101999").contains("nothing was changed");
        try (GeoPackageStore store = openStore()) {
            assertThat(store.accounts().list()).isEmpty();
        }
    }

    @Test
    void anUnknownRoleIsRefused() {
        int code = run(PASSWORD + "\n", "user", "add", "li", "--role", "boss", "--password-stdin");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("--role must be planner, editor or admin, not 'boss'");
    }

    @Test
    void withoutATerminalOrStdinOptionThePasswordIsNotGuessed() {
        int code = run("", "user", "add", "li", "--role", "planner");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("--password-stdin");
    }

    @Test
    void listShowsEveryAccountAndDisableMarksIt() {
        run(PASSWORD + "\n", "user", "add", "zhao", "--role", "planner", "--password-stdin");
        run(PASSWORD + "\n", "user", "add", "admin", "--role", "admin", "--password-stdin");
        assertThat(run("", "user", "disable", "zhao")).isZero();

        assertThat(run("", "user", "list")).isZero();

        assertThat(out()).containsSubsequence("admin\tadmin", "zhao\tplanner\tdisabled");
    }

    @Test
    void passwdReplacesThePassword() {
        run(PASSWORD + "\n", "user", "add", "zhao", "--role", "planner", "--password-stdin");

        assertThat(run("another long passphrase\n", "user", "passwd", "zhao", "--password-stdin")).isZero();

        try (GeoPackageStore store = openStore()) {
            assertThat(accounts(store).authenticate("zhao", PASSWORD.toCharArray())).isEmpty();
            assertThat(accounts(store).authenticate("zhao", "another long passphrase".toCharArray())).isPresent();
        }
    }

    @Test
    void anIssuedTokenIsPrintedOnceAndCanBeRevoked() {
        run(PASSWORD + "\n", "user", "add", "zhao", "--role", "planner", "--password-stdin");

        assertThat(run("", "user", "token", "issue", "zhao", "--label", "QGIS")).isZero();
        String secret = out().lines().filter(l -> l.startsWith(Accounts.TOKEN_PREFIX)).findFirst().orElseThrow();
        try (GeoPackageStore store = openStore()) {
            assertThat(accounts(store).authenticateToken(secret)).isPresent();
        }
        long id = Long.parseLong(out().lines().filter(l -> l.startsWith("Token ")).findFirst().orElseThrow().split(" ")[1]);

        assertThat(run("", "user", "token", "revoke", Long.toString(id))).isZero();
        assertThat(run("", "user", "token", "revoke", Long.toString(id))).isEqualTo(1);
        try (GeoPackageStore store = openStore()) {
            assertThat(accounts(store).authenticateToken(secret)).isEmpty();
        }
    }
}
