package org.lilong.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lilong}: the one executable, with a subcommand per job. Unknown options print usage and exit 2. */
@Command(name = "lilong", mixinStandardHelpOptions = true, version = "Lilong 0.1.0",
        description = "里弄 Lilong — maps of neighbourhood governance: layers, OGC API – Features and a map page.",
        subcommands = {ServeCommand.class, DemoCommand.class, ImportCommand.class, ImportOsmCommand.class, ExportCommand.class,
                CopyCommand.class, UserCommand.class, CommandLine.HelpCommand.class})
public final class LilongCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new LilongCommand()).execute(args);
    }

    @Override
    public void run() {
        // Without a subcommand there is nothing to do but explain the choices.
        spec.commandLine().usage(System.out);
    }
}
