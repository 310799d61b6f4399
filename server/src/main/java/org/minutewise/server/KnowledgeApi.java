package org.minutewise.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Optional;
import org.minutewise.formats.Json;
import org.minutewise.knowledge.Card;
import org.minutewise.knowledge.KnowledgeBase;
import org.minutewise.knowledge.KnowledgeJson;

/** Code lookup, search and coding questions over HTTP: the same JSON as {@code lookup}, {@code search}, {@code ask}. */
final class KnowledgeApi {
    static final int MAX_QUERY = 500;
    static final int MAX_LIMIT = org.minutewise.knowledge.KnowledgeBase.MAX_SEARCH;

    private volatile KnowledgeBase kb;

    /** The knowledge base is built on first use (a few seconds), then shared: it is thread-safe. */
    private KnowledgeBase kb() {
        KnowledgeBase k = kb;
        if (k == null) {
            synchronized (this) {
                k = kb;
                if (k == null) {
                    k = KnowledgeBase.standard();
                    kb = k;
                }
            }
        }
        return k;
    }

    void lookup(Context ctx) throws Exception {
        String id = ctx.pathParam("id").trim();
        if (id.isEmpty() || id.length() > 64 || !id.matches("[A-Za-z0-9.\\-]+")) {
            throw new ApiException(400, "Bad request", "expected a code, modifier, finding id or ICD-10-CM code "
                    + "like 97112, GP, MW-U003 or I69.351", "id");
        }
        Optional<Card> card = kb().lookup(id);
        if (card.isEmpty()) {
            // A problem document (as the OpenAPI says) that keeps the lookup's own answer: found, query and the
            // nearest cards as suggestions, the same fields as `lookup --json`.
            ObjectNode problem = Problems.problem(404, "Not found", "no card for " + id
                    + " (not a code, modifier, finding, ICD-10-CM code or topic the knowledge base knows)", "id",
                    ctx.path());
            problem.setAll(KnowledgeJson.notFound(id, kb().suggestions(id, 3)));
            Problems.send(ctx, 404, problem);
            return;
        }
        ctx.contentType("application/json").result(Json.mapper().writeValueAsString(KnowledgeJson.found(id,
                card.get())));
    }

    void search(Context ctx) throws Exception {
        String q = query(ctx);
        int limit = Api.limit(ctx, 10, MAX_LIMIT);
        ctx.contentType("application/json").result(Json.mapper().writeValueAsString(KnowledgeJson.search(q,
                kb().search(q, limit))));
    }

    void ask(Context ctx) throws Exception {
        String q = query(ctx);
        ctx.contentType("application/json").result(Json.mapper().writeValueAsString(KnowledgeJson.answer(
                kb().ask(q))));
    }

    private static String query(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw new ApiException(400, "Bad request", "the query parameter q is required", "q");
        }
        if (q.length() > MAX_QUERY) {
            throw new ApiException(400, "Bad request", "q is longer than " + MAX_QUERY + " characters", "q");
        }
        return q;
    }
}
