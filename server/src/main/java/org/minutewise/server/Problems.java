package org.minutewise.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import org.minutewise.formats.Json;

/** Errors as RFC 9457 application/problem+json: type, title, status, detail, the field named, the path asked. */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    static ObjectNode problem(int status, String title, String detail, String field, String instance) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("type", "urn:minutewise:problem:" + slug(title));
        o.put("title", title);
        o.put("status", status);
        o.put("detail", detail);
        if (!field.isEmpty()) {
            o.put("field", field);
        }
        o.put("instance", instance);
        return o;
    }

    static void send(Context ctx, int status, String title, String detail, String field) {
        send(ctx, status, problem(status, title, detail, field, ctx.path()));
    }

    /** Sent as UTF-8 bytes, and said so: a detail may quote "§" or a patient's accented input back. */
    static void send(Context ctx, int status, ObjectNode problem) {
        ctx.status(status);
        ctx.contentType(CONTENT_TYPE + ";charset=utf-8");
        try {
            ctx.result(Json.mapper().writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            ctx.result("{\"title\":\"Internal error\",\"status\":500}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Whether the response is already a problem document (the 404 handler must not replace it). */
    static boolean isProblem(String contentType) {
        return contentType != null && contentType.startsWith(CONTENT_TYPE);
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
