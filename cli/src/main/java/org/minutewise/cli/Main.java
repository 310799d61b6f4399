package org.minutewise.cli;

import java.io.PrintWriter;
import org.minutewise.formats.InputException;
import org.minutewise.refdata.RefDataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/minutewise}: exit 0 done and nothing blocks; 1 done with a blocking finding; 2 bad input or
 * usage (one line on stderr naming the field or argument), or an output that cannot be written (standard output
 * or a file: one line naming it); 3 an internal error. Never a stack trace unless
 * MINUTEWISE_DEBUG is set.
 */
@Command(name = "minutewise", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Therapy minutes to defensible claim lines, explained.%n"
                + "Exit status: 0 done, nothing blocks; 1 a finding blocks the claim (for lookup: no such card); "
                + "2 bad input or usage, or an output that cannot be written; 3 internal error.",
        subcommands = {ServeCommand.class, UnitsCommand.class, CheckCommand.class, ConvertCommand.class,
            RulesCommand.class, LookupCommand.class, SearchCommand.class, AskCommand.class, AuditCommand.class,
            GenerateCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int BLOCKED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (serve, units, check, convert, rules, lookup, search, ask, audit, generate; help COMMAND describes one)");
    }

    public static void main(String[] args) {
        // Not System.out: a PrintStream drops the reason a write failed (a full disk, a closed pipe).
        System.exit(run(args, Output.of(new java.io.FileOutputStream(java.io.FileDescriptor.out)),
                new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof InputException || ex instanceof RefDataException || ex instanceof WriteFailure) {
                err.println("minutewise: " + ex.getMessage());
                return BAD_INPUT;
            }
            java.nio.file.FileSystemException fs = fileProblem(ex);
            if (fs != null) {
                // A path that cannot be read or written (no such directory, a directory where a file is wanted,
                // no permission) is the caller's to fix, not an internal error.
                err.println("minutewise: " + describe(fs));
                return BAD_INPUT;
            }
            err.println("minutewise: internal error: " + ex.getClass().getSimpleName()
                    + " (set MINUTEWISE_DEBUG=1 for details)");
            if (System.getenv("MINUTEWISE_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return INTERNAL;
        });
        // -V on a subcommand prints the version too (mixinStandardHelpOptions offers it on each).
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new Version());
        }
        cl.setParameterExceptionHandler((ex, a) -> {
            // One line: the problem, the nearest option or command when picocli has one, and where the help is.
            String name = ex.getCommandLine().getCommandName();
            String help = "minutewise " + (name.equals("minutewise") ? "" : name + " ") + "--help";
            String near = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                near = "; did you mean " + String.join(" or ", u.getSuggestions().subList(0,
                        Math.min(3, u.getSuggestions().size()))) + "?";
            }
            err.println("minutewise: " + ex.getMessage() + near + " (" + help + " lists what it takes)");
            return BAD_INPUT;
        });
        int code = cl.execute(args);
        out.flush();
        if (out.checkError()) {
            // The result did not reach its reader: not done, whatever the command found (exit 2, as an --output
            // file that cannot be written; an internal error stays 3).
            String why = out instanceof Output o ? o.failure().orElse(UNKNOWN_FAILURE) : UNKNOWN_FAILURE;
            if (!why.equals(BROKEN_PIPE)) {
                // A reader that stopped reading on purpose (| head) is not told why: other tools end quietly too.
                err.println("minutewise: cannot write standard output: " + why + "; the output is incomplete: send "
                        + "it to a file or pipe that can take it");
            }
            code = code == INTERNAL ? INTERNAL : BAD_INPUT;
        }
        err.flush();
        return code;
    }

    /** The file system refusal behind an exception (itself, or its cause), or null. */
    static java.nio.file.FileSystemException fileProblem(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.FileSystemException fs) {
                return fs;
            }
        }
        return null;
    }

    private static final String UNKNOWN_FAILURE = "the write failed";
    /** The reason Linux gives when the reading end of a pipe has been closed. */
    private static final String BROKEN_PIPE = "Broken pipe";

    /** Why a write or read failed, in words ("No space left on device", "permission denied"). */
    static String reason(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            return what(fs);
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? UNKNOWN_FAILURE : e.getMessage();
    }

    static String describe(java.nio.file.FileSystemException fs) {
        return (fs.getFile() == null ? "" : fs.getFile() + ": ") + what(fs);
    }

    /** What went wrong with a path, without the path. */
    private static String what(java.nio.file.FileSystemException fs) {
        String what;
        if (fs instanceof java.nio.file.NoSuchFileException) {
            what = "no such file or directory";
        } else if (fs instanceof java.nio.file.AccessDeniedException) {
            what = "permission denied";
        } else if (fs instanceof java.nio.file.FileAlreadyExistsException) {
            what = "already exists (and is not a directory Minutewise can write into)";
        } else if (fs instanceof java.nio.file.NotDirectoryException) {
            what = "not a directory";
        } else {
            what = fs.getReason() == null ? "the file system refused it" : fs.getReason();
        }
        return what;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"minutewise " + (v == null ? "dev" : v)};
        }
    }
}
