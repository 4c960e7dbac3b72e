package org.lilong.server.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lilong.layers.accounts.Account;
import org.lilong.layers.accounts.AccountException;
import org.lilong.layers.accounts.Accounts;
import org.lilong.layers.accounts.ApiToken;
import org.lilong.layers.accounts.IssuedToken;
import org.lilong.layers.accounts.PasswordHasher;
import org.lilong.layers.accounts.Role;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.StoreException;
import org.lilong.server.config.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lilong user add|list|disable|enable|passwd|token}: the accounts of a deployment, kept in its
 * store. Passwords are read from the terminal without echo, or from the first line of standard input
 * with {@code --password-stdin} (scripts); never from the command line, where {@code ps} shows them.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage accounts: planners read everything, editors change their sub-districts, admins everything.",
        subcommands = {UserCommand.Add.class, UserCommand.ListAccounts.class, UserCommand.Disable.class,
                UserCommand.Enable.class, UserCommand.Passwd.class, UserCommand.Token.class})
final class UserCommand implements Runnable {

    @Override
    public void run() {
        System.err.println("lilong user: name a subcommand: add, list, disable, enable, passwd or token (lilong user --help)");
    }

    /** Where the accounts are: the same options as every command that opens a store. */
    static final class StoreOptions {

        @Option(names = "--data", description = "data directory holding lilong.gpkg (default: data, unless LILONG_STORE is set)")
        Path data;

        @Option(names = "--store", description = "a PostgreSQL + PostGIS database instead:"
                + " jdbc:postgresql://host:port/database?user=…&password=… (default: the LILONG_STORE environment variable)")
        String store;
    }

    /** Opens the store, runs the work with the deployment's accounts, and turns refusals into exit codes. */
    abstract static class AccountsWork implements Callable<Integer> {

        @Mixin
        StoreOptions where;

        abstract String name();

        abstract void run(Accounts accounts) throws IOException;

        @Override
        public Integer call() {
            StoreLocator location;
            try {
                location = StoreLocator.choose(where.store, where.data, ServerConfig.DEFAULT_DATA_DIR, System.getenv());
            } catch (IllegalArgumentException e) {
                System.err.println("lilong user " + name() + ": " + e.getMessage());
                return 2;
            }
            try (FeatureStore store = location.open()) {
                run(new Accounts(store.accounts(), new PasswordHasher(PasswordHasher.DEFAULT_COST),
                        () -> subdistrictCodes(store), Clock.systemUTC()));
                return 0;
            } catch (AccountException | IOException e) {
                System.err.println("lilong user " + name() + ": " + e.getMessage() + "; nothing was changed");
                return 1;
            } catch (StoreException e) {
                System.err.println("lilong user " + name() + ": " + e.getMessage());
                return 1;
            }
        }

        private static Set<String> subdistrictCodes(FeatureStore store) {
            return store.readAll(LayerCatalogue.SUBDISTRICTS).stream()
                    .map(f -> f.text("code")).filter(Objects::nonNull).collect(Collectors.toSet());
        }
    }

    /** A new password, asked for twice on a terminal, or the first line of standard input. */
    static char[] readNewPassword(boolean fromStdin) throws IOException {
        if (fromStdin) {
            return readStdinLine();
        }
        Console console = System.console();
        if (console == null) {
            throw new AccountException("no terminal to ask for the password on: give it on standard input with --password-stdin");
        }
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Password again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            throw new AccountException("the two passwords differ");
        }
        return first;
    }

    private static char[] readStdinLine() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null) {
            throw new AccountException("--password-stdin: standard input is empty");
        }
        return line.toCharArray();
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account.")
    static final class Add extends AccountsWork {

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Option(names = "--role", required = true, description = "planner, editor or admin")
        String role;

        @Option(names = "--scope", split = ",", paramLabel = "CODE",
                description = "for an editor: the codes of the sub-districts it may change (repeat or comma-separate)")
        List<String> scopes = List.of();

        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordStdin;

        @Override
        String name() {
            return "add";
        }

        @Override
        void run(Accounts accounts) throws IOException {
            Role parsed = Role.ofCode(role).orElseThrow(() -> new AccountException(
                    "--role must be planner, editor or admin, not '" + role + "'"));
            Account account = accounts.add(username, readNewPassword(passwordStdin), parsed, new LinkedHashSet<>(scopes));
            System.out.println("Added " + describe(account));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    static final class ListAccounts extends AccountsWork {

        @Override
        String name() {
            return "list";
        }

        @Override
        void run(Accounts accounts) {
            List<Account> all = accounts.list();
            if (all.isEmpty()) {
                System.out.println("No accounts yet: lilong user add NAME --role admin");
            }
            for (Account account : all) {
                System.out.println(describe(account));
            }
        }
    }

    /** Disable and enable: the same change in two directions. */
    abstract static class StatusChange extends AccountsWork {

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        abstract boolean disabling();

        @Override
        String name() {
            return disabling() ? "disable" : "enable";
        }

        @Override
        void run(Accounts accounts) {
            if (disabling()) {
                accounts.disable(username);
            } else {
                accounts.enable(username);
            }
            System.out.println((disabling() ? "Disabled " : "Enabled ") + username);
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account: it can no longer log in, its sessions end and its tokens stop working.")
    static final class Disable extends StatusChange {

        @Override
        boolean disabling() {
            return true;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account again.")
    static final class Enable extends StatusChange {

        @Override
        boolean disabling() {
            return false;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Set a new password for an account; its sessions end.")
    static final class Passwd extends AccountsWork {

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordStdin;

        @Override
        String name() {
            return "passwd";
        }

        @Override
        void run(Accounts accounts) throws IOException {
            if (accounts.find(username).isEmpty()) {
                throw new AccountException("no account is called '" + username + "'");
            }
            accounts.changePassword(username, readNewPassword(passwordStdin));
            System.out.println("Changed the password of " + username);
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Bearer tokens for scripts and QGIS: issue USERNAME [--label L], list USERNAME, revoke ID.")
    static final class Token extends AccountsWork {

        @Parameters(index = "0", paramLabel = "ACTION", description = "issue, list or revoke")
        String action;

        @Parameters(index = "1", paramLabel = "USERNAME|ID")
        String subject;

        @Option(names = "--label", description = "what the token is for, shown by list")
        String label = "";

        @Override
        String name() {
            return "token " + action;
        }

        @Override
        void run(Accounts accounts) {
            switch (action) {
                case "issue" -> {
                    IssuedToken issued = accounts.issueToken(subject, label);
                    System.out.println("Token " + issued.token().id() + " for " + subject
                            + " (shown this once; send it as 'Authorization: Bearer <token>'):");
                    System.out.println(issued.secret());
                }
                case "list" -> {
                    if (accounts.find(subject).isEmpty()) {
                        throw new AccountException("no account is called '" + subject + "'");
                    }
                    for (ApiToken token : accounts.tokensOf(subject)) {
                        System.out.println(token.id() + "\t" + (token.revoked() ? "revoked" : "live") + "\t"
                                + token.created() + "\t" + token.label());
                    }
                }
                case "revoke" -> {
                    long id;
                    try {
                        id = Long.parseLong(subject);
                    } catch (NumberFormatException e) {
                        throw new AccountException("token revoke takes the token's id (a number from token list), not '" + subject + "'");
                    }
                    if (!accounts.revokeToken(id)) {
                        throw new AccountException("no live token has the id " + id);
                    }
                    System.out.println("Revoked token " + id);
                }
                default -> throw new AccountException("token takes issue, list or revoke, not '" + action + "'");
            }
        }
    }

    private static String describe(Account account) {
        return account.username() + "\t" + account.role().code()
                + (account.scopes().isEmpty() ? "" : "\tscope " + String.join(",", account.scopes()))
                + (account.disabled() ? "\tdisabled" : "") + "\tcreated " + account.created();
    }
}
