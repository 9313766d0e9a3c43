package org.casepulse.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.casepulse.commentary.CommentaryKind;
import org.casepulse.http.auth.AreaScope;
import org.casepulse.http.auth.Principal;
import org.casepulse.http.auth.Role;
import org.casepulse.reference.ReferenceData;
import org.casepulse.scorecard.commentary.Comment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/commentary}: managers' commentary and data-quality notes on one indicator, area and
 * month. Anyone who may read figures reads it (in their area scope); writing needs the editor role
 * and an area within the writer's scope. Every change, a deletion included, is a new version;
 * nothing is overwritten, so {@code ?history=true} shows every version ever written.
 */
final class CommentaryRoutes {
    static final String PATH = "/api/commentary";
    private static final Logger LOG = LoggerFactory.getLogger(CommentaryRoutes.class);

    private final CommentaryStore store;
    private final ReferenceData reference;
    private final ObjectMapper json;
    private final int maxChars;
    private final Clock clock;
    private final Function<Context, AreaScope> scope;
    private final BiConsumer<AreaScope, String> checkArea;
    /** One writer at a time in this instance: a version number is given out once. */
    private final Object writing = new Object();

    CommentaryRoutes(CommentaryStore store, ReferenceData reference, ObjectMapper json, int maxChars, Clock clock,
                     Function<Context, AreaScope> scope, BiConsumer<AreaScope, String> checkArea) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("the commentary size limit must be 1 character or more, got " + maxChars);
        }
        this.store = store;
        this.reference = reference;
        this.json = json;
        this.maxChars = maxChars;
        this.clock = clock;
        this.scope = scope;
        this.checkArea = checkArea;
    }

    /** One version as the API shows it; {@code text} is null for a deletion. */
    record CommentJson(String indicator, String area, String month, CommentaryKind kind, int version, String text,
                       String author, Instant writtenAt, boolean deleted) {
        static CommentJson of(Comment comment) {
            return new CommentJson(comment.indicatorId(), comment.areaCode(), comment.month().toString(),
                    comment.kind(), comment.version(), comment.text(), comment.author(), comment.writtenAt(),
                    comment.deleted());
        }
    }

    record CommentaryJson(int count, List<CommentJson> commentary) {}

    void register(RoutesConfig routes) {
        routes.get(PATH, this::read);
        routes.head(PATH, this::read);
        routes.post(PATH, ctx -> write(ctx, Write.CREATE));
        routes.put(PATH, ctx -> write(ctx, Write.REPLACE));
        routes.delete(PATH, ctx -> write(ctx, Write.DELETE));
        routes.exception(CommentaryStore.CommentaryUnavailableException.class, (e, ctx) -> {
            LOG.warn("{} {}: commentary not stored: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new OperationsServer.ErrorJson("unavailable", null,
                    "the commentary could not be stored just now; try again"));
        });
    }

    private void read(Context ctx) {
        CommentaryParameters.Query query = new CommentaryParameters(ctx.queryParamMap(), reference).query();
        AreaScope areaScope = scope.apply(ctx);
        checkArea.accept(areaScope, query.areaCode());
        List<Comment> found = query.history()
                ? store.book().history(query.indicatorId(), query.areaCode(), query.month())
                : store.book().current(query.indicatorId(), query.areaCode(), query.month());
        List<CommentJson> visible = found.stream()
                .filter(comment -> query.kind() == null || comment.kind() == query.kind())
                .filter(comment -> areaScope.permits(comment.areaCode()))
                .map(CommentJson::of).toList();
        ctx.json(new CommentaryJson(visible.size(), visible));
    }

    private enum Write { CREATE, REPLACE, DELETE }

    private void write(Context ctx, Write write) {
        Principal principal = ctx.attribute(OperationsServer.PRINCIPAL);
        if (principal == null || !principal.has(Role.EDITOR)) {
            ctx.status(HttpStatus.FORBIDDEN).json(new OperationsServer.ErrorJson("forbidden", null,
                    "writing commentary needs the editor role"));
            return;
        }
        CommentaryParameters parameters = new CommentaryParameters(ctx.queryParamMap(), reference);
        CommentaryParameters.Target target = parameters.target();
        AreaScope areaScope = scope.apply(ctx);
        checkArea.accept(areaScope, target.areaCode());
        CommentaryKind kind;
        String text;
        if (write == Write.DELETE) {
            kind = parameters.queryKind();
            text = null;
        } else {
            if (ctx.queryParamMap().containsKey(CommentaryParameters.KIND)) {
                throw new BadParameterException(CommentaryParameters.KIND, "give kind in the body of a "
                        + ctx.method() + ", not in the query");
            }
            CommentaryParameters.Body body = CommentaryParameters.body(ctx.body(), json, maxChars);
            kind = body.kind();
            text = body.text();
        }
        if (!store.isCaughtUp()) {
            // Versions are numbered from what is read: writing before the topic is read could repeat one.
            ctx.header("Retry-After", "5").status(HttpStatus.SERVICE_UNAVAILABLE).json(new OperationsServer.ErrorJson(
                    "unavailable", null, "the commentary is still being read; try again in a few seconds"));
            return;
        }
        Comment.Entry entry = new Comment.Entry(target.indicatorId(), target.areaCode(), target.month(), kind);
        Comment written;
        synchronized (writing) {
            Optional<Comment> current = store.book().current(entry);
            if (write == Write.CREATE && current.isPresent()) {
                ctx.status(HttpStatus.CONFLICT).json(new OperationsServer.ErrorJson("conflict", null,
                        describe(entry) + " exists (version " + current.get().version() + "): change it with PUT"));
                return;
            }
            if (write != Write.CREATE && current.isEmpty()) {
                ctx.status(HttpStatus.NOT_FOUND).json(new OperationsServer.ErrorJson("not found", null,
                        "there is no " + describe(entry) + ": write it with POST"));
                return;
            }
            written = new Comment(entry.indicatorId(), entry.areaCode(), entry.month(), kind,
                    store.book().nextVersion(entry), UUID.randomUUID().toString(), text, principal.name(),
                    clock.instant(), write == Write.DELETE);
            store.write(written);
        }
        // Who wrote is logged; what they wrote is not (it may name people).
        LOG.info("Commentary {} version {} ({}) by {}", describe(entry), written.version(),
                write.name().toLowerCase(java.util.Locale.ROOT), principal.name());
        ctx.status(write == Write.CREATE ? HttpStatus.CREATED : HttpStatus.OK).json(CommentJson.of(written));
    }

    private static String describe(Comment.Entry entry) {
        return Comment.describe(entry.kind()).toLowerCase(java.util.Locale.ROOT) + " on " + entry.indicatorId()
                + " for " + entry.areaCode() + " in " + entry.month();
    }
}
