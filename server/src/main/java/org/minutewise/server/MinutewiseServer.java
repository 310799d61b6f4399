package org.minutewise.server;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.ParsedEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.formats.InputException;
import org.minutewise.store.StoreConfig;
import org.minutewise.store.StoreException;
import org.minutewise.store.VisitStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service: the HTTP API under /api/v1, the billers' page at /, /health and /openapi.json, over the visit store.
 * Safe by default: loopback unless told otherwise, a token required beyond loopback, security headers, bounded
 * bodies, problem+json errors that never carry a stack trace. The log holds no request bodies and no patient data.
 */
public final class MinutewiseServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MinutewiseServer.class);
    private static final Set<HandlerType> HTTP_METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.DELETE, HandlerType.PATCH);

    private final Javalin app;
    private final VisitStore store;
    private final String host;

    private MinutewiseServer(Javalin app, VisitStore store, String host) {
        this.app = app;
        this.store = store;
        this.host = host;
    }

    /** Starts the service; refuses (StartupException) a non-loopback bind without a token, or a weak token. */
    public static MinutewiseServer start(ServerOptions o, ReferenceData ref, Clock clock) {
        boolean loopback = Security.isLoopback(o.bind());
        if (!loopback && o.token().isEmpty()) {
            throw new StartupException("--bind " + o.bind() + " is not a loopback address: an API token is required "
                    + "(--token or the MINUTEWISE_TOKEN environment variable)");
        }
        if (o.token().isPresent() && o.token().get().length() < ServerOptions.MIN_TOKEN_LENGTH) {
            throw new StartupException("--token: at least " + ServerOptions.MIN_TOKEN_LENGTH + " characters");
        }
        portFree(o.bind(), o.port());
        StoreConfig storeConfig = o.db().map(url -> StoreConfig.of(url, o.dbUser(), o.dbPassword()))
                .orElseGet(() -> StoreConfig.h2(o.dataDir()));
        VisitStore store;
        try {
            store = VisitStore.open(storeConfig, ref.codes(), clock);
        } catch (StoreException e) {
            throw new StartupException(e.getMessage(), e);
        }
        Security security = new Security(o.token());
        Api api = new Api(ref, store, o.maxBody(), clock);
        KnowledgeApi knowledge = new KnowledgeApi();
        String openapi = resource("/openapi.json");
        Javalin app;
        try {
            app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.startup.showOldJavalinVersionWarning = false;
                cfg.http.maxRequestSize = o.maxBody();
                cfg.http.prefer405over404 = true;
                // A loopback or LAN service: compressing a few kilobytes of JSON costs more CPU than it saves.
                cfg.http.compressionStrategy = CompressionStrategy.NONE;
                cfg.jetty.host = o.bind();
                cfg.jetty.port = o.port();
                cfg.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
                cfg.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/web";
                    sf.location = Location.CLASSPATH;
                    sf.headers = Map.of("Content-Security-Policy", Security.CSP, "X-Content-Type-Options", "nosniff",
                            "Referrer-Policy", "no-referrer", "X-Frame-Options", "DENY", "Cache-Control",
                            "no-cache");
                });
                cfg.routes.before(ctx -> guard(ctx, security, o.maxBody(), loopback && o.token().isEmpty()));
                cfg.routes.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
                cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));
                cfg.routes.get("/api/v1/rules", api::rules);
                cfg.routes.get("/api/v1/payers", api::payers);
                cfg.routes.get("/api/v1/codes/{code}", api::code);
                cfg.routes.get("/api/v1/knowledge/{id}", knowledge::lookup);
                cfg.routes.get("/api/v1/search", knowledge::search);
                cfg.routes.get("/api/v1/ask", knowledge::ask);
                cfg.routes.post("/api/v1/units", api::units);
                cfg.routes.post("/api/v1/check", api::check);
                cfg.routes.get("/api/v1/visits", api::listVisits);
                cfg.routes.post("/api/v1/visits", api::saveVisit);
                cfg.routes.get("/api/v1/visits/{id}", api::getVisit);
                cfg.routes.get("/api/v1/visits/{id}/history", api::history);
                cfg.routes.get("/api/v1/visits/{id}/versions/{version}", api::visitVersion);
                cfg.routes.post("/api/v1/visits/{id}/overrides", api::addOverride);
                cfg.routes.get("/api/v1/therapists/{id}/days/{date}", api::therapistDay);
                cfg.routes.get("/api/v1/patients/{id}/spend/{year}", api::getSpend);
                cfg.routes.put("/api/v1/patients/{id}/spend/{year}", api::putSpend);
                cfg.routes.exception(ApiException.class, (e, ctx) -> {
                    if (e.status() == 401) {
                        ctx.header("WWW-Authenticate", "Bearer");
                    }
                    Problems.send(ctx, e.status(), e.title(), e.getMessage(), e.field());
                });
                cfg.routes.exception(InputException.class, MinutewiseServer::inputProblem);
                cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
                    if (e.getStatus() == 405) {
                        allow(e, ctx);
                    }
                    Problems.send(ctx, e.getStatus(), title(e.getStatus()), detail(e, ctx), "");
                });
                cfg.routes.exception(StoreException.class, (e, ctx) -> internal(ctx, e, 503, "Store unavailable",
                        "the visit store did not answer; try again"));
                // Reading the body or writing the answer failed on the connection: the client went away (a
                // timeout, a closed tab). Not a server error; nobody is left to answer.
                cfg.routes.exception(java.io.UncheckedIOException.class, (e, ctx) -> LOG.info("{} {}: the client "
                        + "closed the connection ({})", ctx.method(), ctx.endpoint() == null ? "?"
                        : ctx.endpoint().path, e.getCause() == null ? "" : e.getCause().getClass().getSimpleName()));
                cfg.routes.exception(Exception.class, (e, ctx) -> internal(ctx, e, 500, "Internal error",
                        "the request could not be completed"));
                cfg.routes.error(404, ctx -> {
                    // A route's own 404 (a problem, or a JSON answer such as the knowledge base's "not found" with
                    // suggestions) stands; only a path no route serves gets the generic problem.
                    String type = ctx.res().getContentType();
                    if (!Problems.isProblem(type) && (type == null || !type.startsWith("application/json"))) {
                        Problems.send(ctx, 404, "Not found", "no such resource: " + ctx.method() + " " + ctx.path(),
                                "");
                    }
                });
            }).start();
        } catch (RuntimeException e) {
            store.close();
            throw new StartupException("could not listen on " + o.bind() + ":" + o.port() + ": "
                    + rootMessage(e), e);
        }
        return new MinutewiseServer(app, store, o.bind());
    }

    /**
     * A port another process holds is said in one line before anything starts (Jetty would log its own error first,
     * a second line on stderr); port 0 (any free port) needs no check. Jetty's own failure still stands for a port
     * taken in between.
     */
    private static void portFree(String bind, int port) {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket s = new java.net.ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(bind, port));
        } catch (java.io.IOException e) {
            throw new StartupException("could not listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Every request: the security headers; Host and token checks for the API; a declared body over the limit. */
    private static void guard(Context ctx, Security security, int maxBody, boolean checkHost) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", Security.CSP);
        if (checkHost && !Security.isLoopbackHost(ctx.header("Host"))) {
            throw new ApiException(403, "Forbidden", "this service answers only to localhost, 127.0.0.1 or [::1] "
                    + "while it listens on loopback without a token", "Host");
        }
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
            if (!security.authorized(ctx.header("Authorization"))) {
                throw new ApiException(401, "Unauthorized", "a valid API token is required: Authorization: Bearer "
                        + "<token>", "Authorization");
            }
            if (ctx.method() == io.javalin.http.HandlerType.HEAD) {
                // Jetty answers a HEAD itself, without the GET handler: every answer under /api is JSON, its head too.
                ctx.contentType("application/json");
            }
            String bad = malformedEscape(ctx.queryString());
            if (bad != null) {
                // The servlet decoder drops a parameter it cannot decode: "?q=%ZZ" read as no q at all.
                throw new ApiException(400, "Bad request", "the query string has a malformed percent escape \"" + bad
                        + "\": a % is followed by two hexadecimal digits (write %25 for a percent sign)", "query");
            }
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBody) {
            if (declared <= (long) DRAIN_FACTOR * maxBody) {
                drain(ctx, declared);
            }
            throw Bodies.tooLarge(maxBody);
        }
    }

    /** The first percent escape of a raw query string that is not "%" and two hexadecimal digits, or null. */
    static String malformedEscape(String query) {
        if (query == null) {
            return null;
        }
        for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
            if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                    || Character.digit(query.charAt(i + 2), 16) < 0) {
                return query.substring(i, Math.min(query.length(), i + 3));
            }
        }
        return null;
    }

    /** A declared body up to this many times the limit is read and dropped before the 413 (see {@link #drain}). */
    static final int DRAIN_FACTOR = 8;

    /**
     * Reads and drops a refused body. Answering and closing while the client is still sending makes many clients
     * see the connection reset instead of the 413 problem document; a body that is merely too large (up to
     * {@link #DRAIN_FACTOR} times the limit) is read first so the answer reaches them. A larger one is refused at
     * once, unread. A client that stops sending just ends the drain.
     */
    private static void drain(Context ctx, long declared) {
        byte[] buf = new byte[1 << 16];
        try {
            java.io.InputStream in = ctx.req().getInputStream();
            long left = declared;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                left -= n;
            }
        } catch (java.io.IOException e) {
            // The client went away or stalled past the idle timeout: nothing more to read; the 413 still goes out.
        }
    }

    private static void inputProblem(InputException e, Context ctx) {
        if (e.path().equals("--in")) {
            Problems.send(ctx, 415, "Unsupported media type", e.detail(), "Content-Type");
        } else if (e.detail().startsWith("malformed JSON") || e.detail().startsWith("empty input")) {
            Problems.send(ctx, 400, "Malformed JSON", e.detail().replaceAll("\\s*\\n.*", ""), e.path());
        } else {
            Problems.send(ctx, 422, "Invalid input", e.detail(), e.path());
        }
    }

    /** An unexpected failure: a generic message and a correlation id; the log gets the id and the class only. */
    private static void internal(Context ctx, Exception e, int status, String title, String detail) {
        String id = UUID.randomUUID().toString();
        LOG.error("{} {} (correlation id {}): {}", ctx.method(), ctx.endpoint() == null ? "?" : ctx.endpoint().path,
                id, e.getClass().getName());
        var p = Problems.problem(status, title, detail + " (correlation id " + id + ")", "", ctx.path());
        p.put("correlationId", id);
        Problems.send(ctx, status, p);
    }

    /** A 405 says which methods the resource allows (RFC 9110 §15.5.6), from the routes Javalin found for the path. */
    private static void allow(HttpResponseException e, Context ctx) {
        java.util.Set<String> methods = new java.util.TreeSet<>();
        for (String v : e.getDetails().values()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\\b")
                    .matcher(v);
            while (m.find()) {
                methods.add(m.group(1));
            }
        }
        if (!methods.isEmpty()) {
            ctx.header("Allow", String.join(", ", methods));
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
    }

    private static String detail(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "no such resource: " + ctx.method() + " " + ctx.path();
            case 405 -> "method " + ctx.method() + " is not allowed on " + ctx.path();
            case 413 -> "the request body is too large";
            default -> e.getStatus() >= 500 ? "the request could not be completed" : "the request was refused";
        };
    }

    private static String resource(String name) {
        try (InputStream in = MinutewiseServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(name + " could not be read", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The port it listens on (the one picked when asked for 0). */
    public int port() {
        return app.port();
    }

    /** The URL of the page, e.g. {@code http://127.0.0.1:41234/}. */
    public String url() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        if (h.equals("0.0.0.0") || h.equals("[::]")) {
            h = "127.0.0.1";
        }
        return "http://" + h + ":" + port() + "/";
    }

    /** The registered routes as "METHOD /path", for the OpenAPI document's test. */
    public List<String> routes() {
        List<String> out = new ArrayList<>();
        for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            if (HTTP_METHODS.contains(e.endpoint.method)) {
                out.add(e.endpoint.method.name() + " " + e.endpoint.path);
            }
        }
        return out;
    }

    public VisitStore store() {
        return store;
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            store.close();
        }
    }
}
