package org.minutewise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.minutewise.server.MinutewiseServer;
import org.minutewise.server.ServerOptions;
import org.minutewise.server.StartupException;
import org.minutewise.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the service: the HTTP API (/api/v1), the billers' page (/) and the visit store.%n"
                + "The first line on standard output is the URL it listens on.",
        footer = {"", "Safe by default: it listens on 127.0.0.1; binding to another address needs an API token "
                + "(--token or MINUTEWISE_TOKEN), which /api/* then requires as 'Authorization: Bearer <token>'.",
            "The store is an H2 file under --data unless --db names a PostgreSQL database (user and password from "
                + "--db-user/--db-password or MINUTEWISE_DB_USER/MINUTEWISE_DB_PASSWORD).",
            "Exit: 2 when it cannot start (a usage error, the port taken, the store unreachable)."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Common common;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = ServerOptions.DEFAULT_BIND,
            description = "Address to listen on (default: ${DEFAULT-VALUE}); beyond loopback a token is required.")
    String bind;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Directory of the embedded H2 store (default: ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "A PostgreSQL database instead of H2, e.g. jdbc:postgresql://localhost/minutewise.")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (or MINUTEWISE_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            description = "Database password; prefer MINUTEWISE_DB_PASSWORD (a command line is visible to others).")
    String dbPassword;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "API token (or MINUTEWISE_TOKEN), at least 16 characters; required beyond loopback.")
    String token;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("minutewise: --port: must be between 0 and 65535, got " + port);
            return Main.BAD_INPUT;
        }
        if (db == null) {
            Optional<String> notDir = notADirectory(data);
            if (notDir.isPresent()) {
                err.println("minutewise: --data: " + notDir.get());
                return Main.BAD_INPUT;
            }
        }
        Optional<String> tok = Optional.ofNullable(token).or(() -> env("MINUTEWISE_TOKEN"));
        String user = Optional.ofNullable(dbUser).or(() -> env("MINUTEWISE_DB_USER")).orElse("");
        String password = Optional.ofNullable(dbPassword).or(() -> env("MINUTEWISE_DB_PASSWORD")).orElse("");
        ServerOptions options = new ServerOptions(bind, port, data, Optional.ofNullable(db), user, password, tok,
                ServerOptions.DEFAULT_MAX_BODY);
        MinutewiseServer server;
        try {
            server = MinutewiseServer.start(options, common.ref(), Clock.systemUTC());
        } catch (StartupException | StoreException e) {
            err.println("minutewise: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        out.println(server.url());
        out.flush();
        boolean everywhere = bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]");
        err.println("minutewise: serving on " + server.url()
                + (everywhere ? " (bound to " + bind + ": every interface of this host, not only loopback)" : "")
                + " (store: " + server.store().config().describe()
                + (tok.isPresent() ? "; API token required" : "; no API token: loopback only") + "); Ctrl-C stops");
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "minutewise-shutdown"));
        stopped.await();
        return Main.OK;
    }

    /**
     * Why {@code dir} cannot be the H2 store's directory, or empty: it (or the nearest of its parents that exists) is
     * not a directory. A directory that does not exist yet is made by the store.
     */
    static Optional<String> notADirectory(Path dir) {
        Path p = dir.toAbsolutePath().normalize();
        if (java.nio.file.Files.exists(p)) {
            return java.nio.file.Files.isDirectory(p) ? Optional.empty()
                    : Optional.of(dir + " is not a directory");
        }
        for (Path up = p.getParent(); up != null; up = up.getParent()) {
            if (java.nio.file.Files.exists(up)) {
                return java.nio.file.Files.isDirectory(up) ? Optional.empty()
                        : Optional.of(dir + " cannot be made: " + up + " is not a directory");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(s -> !s.isEmpty());
    }
}
