package org.minutewise.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.minutewise.formats.Json;

/**
 * The errors Jetty answers itself, before any route (a URI it cannot decode, a request line or headers too large):
 * a problem document like every other error of the service, not Jetty's HTML page. The detail is the status's own
 * words; nothing of the request is echoed.
 */
final class ProblemErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String reason = HttpStatus.getMessage(code);
        String detail = switch (code) {
            case 400 -> "the request could not be read (a malformed URI, header or request line)";
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            default -> reason == null ? "the request was refused" : reason.toLowerCase(java.util.Locale.ROOT);
        };
        byte[] body = Json.mapper().writeValueAsBytes(Problems.problem(code, reason == null ? "Error" : reason, detail,
                "", ""));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE + ";charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
