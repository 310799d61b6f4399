package org.minutewise.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safe by default: loopback, a token beyond it, constant-time checks, the Host header, the headers. */
class SecurityTest {
    static final String TOKEN = "correct-horse-battery-staple";

    @TempDir
    Path dir;

    @Test
    void aWrongOrMissingTokenIsRefusedOnTheApi() {
        try (TestServer s = new TestServer(ServerOptions.local(dir).withToken(TOKEN))) {
            TestServer.Reply none = s.get("/api/v1/rules");
            ApiTest.assertProblem(none, 401, "Authorization");
            assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");

            s.token("wrong-token-of-some-length");
            ApiTest.assertProblem(s.get("/api/v1/rules"), 401, "Authorization");
            ApiTest.assertProblem(s.postJson("/api/v1/check", "{}"), 401, "Authorization");

            s.token(TOKEN);
            assertThat(s.get("/api/v1/rules").status()).isEqualTo(200);
            assertThat(s.postJson("/api/v1/check", TestServer.example("stroke-visit.json")).status()).isEqualTo(200);
        }
    }

    @Test
    void thePageAndHealthNeedNoToken() {
        try (TestServer s = new TestServer(ServerOptions.local(dir).withToken(TOKEN))) {
            assertThat(s.get("/health").status()).isEqualTo(200);
            assertThat(s.get("/").status()).isEqualTo(200);
        }
    }

    @Test
    void bindingBeyondLoopbackNeedsAToken() {
        assertThatThrownBy(() -> MinutewiseServer.start(ServerOptions.local(dir).withBind("0.0.0.0"),
                org.minutewise.refdata.RefData.defaults(), java.time.Clock.systemUTC()))
                .isInstanceOf(StartupException.class).hasMessageContaining("token is required");
        assertThatThrownBy(() -> MinutewiseServer.start(ServerOptions.local(dir).withToken("short"),
                org.minutewise.refdata.RefData.defaults(), java.time.Clock.systemUTC()))
                .isInstanceOf(StartupException.class).hasMessageContaining("at least 16");
    }

    @Test
    void loopbackAddressesAreRecognised() {
        assertThat(Security.isLoopback("127.0.0.1")).isTrue();
        assertThat(Security.isLoopback("127.0.0.2")).isTrue();
        assertThat(Security.isLoopback("::1")).isTrue();
        assertThat(Security.isLoopback("localhost")).isTrue();
        assertThat(Security.isLoopback("0.0.0.0")).isFalse();
        assertThat(Security.isLoopback("10.0.0.5")).isFalse();
        assertThat(Security.isLoopback("example.org")).isFalse();
        assertThat(Security.isLoopbackHost("127.0.0.1:8080")).isTrue();
        assertThat(Security.isLoopbackHost("localhost")).isTrue();
        assertThat(Security.isLoopbackHost("[::1]:8080")).isTrue();
        assertThat(Security.isLoopbackHost("evil.example:8080")).isFalse();
        assertThat(Security.isLoopbackHost("127.0.0.1.evil.example")).isFalse();
    }

    @Test
    void aForeignHostHeaderIsRefusedOnLoopbackWithoutAToken() throws Exception {
        try (TestServer s = TestServer.local(dir); Socket socket = new Socket("127.0.0.1", s.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/rules HTTP/1.1\r\nHost: rebound.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void tokensAreComparedWholly() {
        Security sec = new Security(java.util.Optional.of(TOKEN));
        assertThat(sec.authorized("Bearer " + TOKEN)).isTrue();
        assertThat(sec.authorized("bearer " + TOKEN)).isTrue();
        assertThat(sec.authorized("Bearer " + TOKEN + "x")).isFalse();
        assertThat(sec.authorized("Bearer " + TOKEN.substring(1))).isFalse();
        assertThat(sec.authorized(TOKEN)).isFalse();
        assertThat(sec.authorized(null)).isFalse();
        assertThat(new Security(java.util.Optional.empty()).authorized(null)).isTrue();
    }
}
