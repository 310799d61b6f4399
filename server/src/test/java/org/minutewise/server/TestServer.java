package org.minutewise.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.minutewise.formats.Json;
import org.minutewise.refdata.RefData;

/** A real server on a free loopback port, and a client that talks to it over the socket. */
final class TestServer implements AutoCloseable {
    final MinutewiseServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Optional<String> token = Optional.empty();

    TestServer(ServerOptions options) {
        this.server = MinutewiseServer.start(options, RefData.defaults(), Clock.systemUTC());
    }

    static TestServer local(Path dir) {
        return new TestServer(ServerOptions.local(dir));
    }

    TestServer token(String t) {
        this.token = Optional.of(t);
        return this;
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A response: status, headers and body, with the body as JSON when it is. */
    record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    Reply get(String path) {
        return send(builder(path).GET());
    }

    Reply post(String path, String contentType, String body) {
        HttpRequest.Builder b = builder(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    Reply put(String path, String contentType, String body) {
        return send(builder(path).PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType));
    }

    Reply postJson(String path, String body) {
        return post(path, "application/json", body);
    }

    HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String example(String name) {
        try {
            return Files.readString(Path.of("../examples/" + name));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
