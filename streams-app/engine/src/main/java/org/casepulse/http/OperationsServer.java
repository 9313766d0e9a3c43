package org.casepulse.http;

import org.casepulse.scorecard.FigureKey;
import org.casepulse.scorecard.IndicatorJson;
import org.casepulse.scorecard.AreaJson;
import org.casepulse.scorecard.Scorecard;
import org.casepulse.scorecard.FigureFilter;
import org.casepulse.scorecard.Figure;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.casepulse.http.auth.Access;
import org.casepulse.http.auth.AccessPolicy;
import org.casepulse.http.auth.AreaScope;
import org.casepulse.http.auth.Principal;
import org.casepulse.http.auth.Role;
import org.casepulse.http.tls.ReloadingTls;
import org.casepulse.reference.Area;
import org.casepulse.reference.ReferenceData;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations surface on one HTTP port: the scorecard page at {@code /}, the snapshot API
 * under {@code /api}, a server-sent event stream of changes, Prometheus metrics at
 * {@code /metrics} and health at {@code /health/live} and {@code /health/ready}. Every request
 * passes the {@link AccessPolicy} first (who is calling, and may they use this part), and a
 * principal scoped to an area sees only the figures of that area, the areas beneath it and the
 * nation. Optionally over TLS, its certificate reloaded when the files change.
 */
public final class OperationsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperationsServer.class);
    static final String EVENT_STREAM = "text/event-stream";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** Everything the page uses comes from this server; nothing from elsewhere, nothing inline. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    static final String PRINCIPAL = "casepulse.principal";

    private final Javalin app;
    private final SnapshotStream stream;
    private final AccessPolicy policy;
    private final ReloadingTls tls;
    private final PrometheusMeterRegistry registry;
    private final List<Meter> meters;
    private final String url;

    private OperationsServer(OperationsSettings settings, PublishedFigures view, CommentaryStore commentary,
                             ReferenceData reference, PrometheusMeterRegistry registry, EngineHealth health) {
        ObjectMapper json = objectMapper();
        this.registry = registry;
        this.policy = AccessPolicy.create(settings.access(), reference.areas());
        this.tls = settings.tls() == null ? null : new ReloadingTls(settings.tls());
        this.stream = new SnapshotStream(view, settings.heartbeat(), json, settings.maxStreamClients());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(json, false));
            // A known path asked with a method it does not take is 405, not 404.
            config.http.prefer405over404 = true;
            if (tls != null) {
                config.jetty.addConnector((server, http) -> {
                    http.addCustomizer(new SecureRequestCustomizer(false));
                    ServerConnector connector = new ServerConnector(server,
                            new SslConnectionFactory(tls.factory(), "http/1.1"), new HttpConnectionFactory(http));
                    connector.setHost(settings.host());
                    connector.setPort(settings.port());
                    return connector;
                });
            }
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY,
                        "X-Content-Type-Options", "nosniff", "Cache-Control", "no-cache");
            });
            routes(config.routes, view, reference, health, json);
            new CommentaryRoutes(commentary, reference, json, settings.commentaryMaxChars(), Clock.systemUTC(),
                    ctx -> scope(ctx, reference), OperationsServer::checkArea).register(config.routes);
            PrintablePage.boardReport(view, commentary, reference, ctx -> scope(ctx, reference),
                    OperationsServer::checkArea).register(config.routes);
            PrintablePage.kpiBoard(view, reference, ctx -> scope(ctx, reference), OperationsServer::checkArea)
                    .register(config.routes);
        });
        this.meters = List.of(
                Gauge.builder("casepulse.view.figures", view, v -> v.figures().size())
                        .description("Figures held by the operations surface's snapshot view").register(registry),
                Gauge.builder("casepulse.view.caught.up", view, v -> v.isCaughtUp() ? 1 : 0)
                        .description("1 once the snapshot view has read what the topic held at start-up")
                        .register(registry),
                Gauge.builder("casepulse.stream.clients", stream, SnapshotStream::clients)
                        .description("Clients following /api/stream").register(registry));
        if (tls != null) {
            app.start();
        } else {
            app.start(settings.host(), settings.port());
        }
        String host = settings.host().equals("0.0.0.0") || settings.host().equals("::") ? "localhost" : settings.host();
        this.url = (tls != null ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port();
        LOG.info("Operations surface at {} (scorecard page, /api, /metrics, /health); {}", url,
                tls != null ? "TLS from " + settings.tls().describe() + ", reloaded when it changes" : "plain HTTP");
        if (policy.isRequired()) {
            LOG.info("Operations surface: {}", policy.describe());
        } else if (isLoopback(settings.host())) {
            LOG.warn("Operations surface: authentication OFF (casepulse.http.auth.mode=none), on the loopback interface {} only",
                    settings.host());
        } else {
            LOG.warn("Operations surface: authentication OFF on {}: anyone who reaches this port reads every figure, "
                    + "the metrics and the health detail (casepulse.http.auth.mode=none)", settings.host());
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }

    /**
     * Starts serving.
     *
     * @param view         the published figures: the snapshot topic as this instance reads it, or figures a test made
     * @param reference    the catalogue and areas the API lists and checks parameters against
     * @param registry     scraped at {@code /metrics}; the server adds gauges of its own
     * @param streamsState the streams application's state, for readiness
     */
    public static OperationsServer start(OperationsSettings settings, PublishedFigures view, ReferenceData reference,
                                         PrometheusMeterRegistry registry, Supplier<KafkaStreams.State> streamsState) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(streamsState, "streamsState");
        return start(settings, view, reference, registry, EngineHealth.of(streamsState));
    }

    /**
     * Starts serving, with health from {@code health}: the streams state and what holds processing
     * up; commentary is kept in this process only.
     */
    public static OperationsServer start(OperationsSettings settings, PublishedFigures view, ReferenceData reference,
                                         PrometheusMeterRegistry registry, EngineHealth health) {
        return start(settings, view, CommentaryStore.inMemory(), reference, registry, health);
    }

    /** Starts serving, with commentary kept in {@code commentary} (the commentary topic, in the application). */
    public static OperationsServer start(OperationsSettings settings, PublishedFigures view, CommentaryStore commentary,
                                         ReferenceData reference, PrometheusMeterRegistry registry, EngineHealth health) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(commentary, "commentary");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(health, "health");
        return new OperationsServer(settings, view, commentary, reference, registry, health);
    }

    /** The port listened on (the one picked when started with port 0). */
    public int port() {
        return app.port();
    }

    /** The base address, for example {@code http://127.0.0.1:8080}. */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        stream.close();
        app.stop();
        if (tls != null) {
            tls.close();
        }
        meters.forEach(registry::remove);
    }

    /** Jackson as the API writes JSON: dates and instants as ISO-8601 strings. */
    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    private void routes(RoutesConfig routes, PublishedFigures view, ReferenceData reference, EngineHealth health, ObjectMapper json) {
        List<IndicatorJson> indicators = reference.catalogue().indicators().stream().map(IndicatorJson::of).toList();
        List<AreaJson> areas = reference.areas().all().stream()
                .map(area -> AreaJson.of(area, reference.areas())).toList();

        routes.before(ctx -> {
            // On every answer, not only the static files: the API, errors, metrics and health too.
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("Referrer-Policy", "no-referrer");
            if (tls != null) {
                ctx.header("Strict-Transport-Security", "max-age=31536000");
            }
            authorize(ctx);
        });
        routes.before("/api/*", ctx -> {
            // The event stream sets its own caching headers.
            if (!ctx.path().equals("/api/stream")) {
                ctx.header("Cache-Control", "no-store");
            }
        });
        getAndHead(routes, "/api/indicators", ctx -> ctx.json(indicators));
        getAndHead(routes, "/api/areas", ctx -> ctx.json(areas));
        getAndHead(routes, "/api/snapshots", ctx -> {
            QueryParameters parameters = parameters(ctx, reference);
            FigureFilter filter = parameters.figureFilter();
            AreaScope scope = scope(ctx, reference);
            checkArea(scope, filter.areaCode());
            List<Figure> figures = view.figures().find(filter).stream()
                    .filter(figure -> scope.permits(figure.areaCode())).toList();
            if (parameters.isPublic()) {
                PublicFigures published = new PublicFigures(view.figures(), reference.areas(), json);
                ctx.json(Map.of("view", view.progress().describe(), "count", figures.size(),
                        "disclosure", QueryParameters.PUBLIC, "figures", published.figures(figures)));
            } else {
                ctx.json(new SnapshotsJson(view.progress().describe(), figures.size(), figures));
            }
        });
        getAndHead(routes, "/api/scorecard", ctx -> {
            QueryParameters parameters = parameters(ctx, reference);
            AreaScope scope = scope(ctx, reference);
            Area area = parameters.scorecardArea();
            checkArea(scope, area.code());
            Scorecard scorecard = Scorecard.of(view.figures(), reference.catalogue(), reference.areas(), area,
                    parameters.scorecardPeriodType(), null, view.progress().describe(), scope::permits);
            if (parameters.isPublic()) {
                ctx.json(new PublicFigures(view.figures(), reference.areas(), json).scorecard(scorecard));
            } else {
                ctx.json(scorecard);
            }
        });
        routes.get("/api/stream", ctx -> {
            QueryParameters parameters = parameters(ctx, reference);
            FigureFilter filter = parameters.figureFilter();
            if (parameters.isPublic()) {
                throw new BadParameterException(QueryParameters.DISCLOSURE,
                        "the event stream serves the internal view only; use /api/snapshots?disclosure=public");
            }
            AreaScope scope = scope(ctx, reference);
            checkArea(scope, filter.areaCode());
            if (!EVENT_STREAM.equals(ctx.header("Accept"))) {
                ctx.status(HttpStatus.NOT_ACCEPTABLE).json(new ErrorJson("not acceptable", null,
                        "/api/stream is a server-sent event stream: send the header Accept: " + EVENT_STREAM
                                + ", as EventSource does (curl -N -H 'Accept: " + EVENT_STREAM + "' ...)"));
                return;
            }
            if (!stream.tryAdmit()) {
                ctx.header(Header.RETRY_AFTER, "30").status(HttpStatus.SERVICE_UNAVAILABLE)
                        .json(new ErrorJson("too many event-stream clients", null, "this instance serves at most "
                                + stream.maxClients() + " event streams at once; try again later"));
                return;
            }
            Predicate<FigureKey> wanted = key -> filter.matches(key) && scope.permits(key.areaCode());
            try {
                // Javalin serves the client on a thread of its own; serve gives the place back when the client goes.
                new SseHandler(client -> stream.serve(client, wanted)).handle(ctx);
            } catch (RuntimeException e) {
                stream.release();
                throw e;
            }
        });

        getAndHead(routes, "/api/openapi.json", new OpenApiDocument());
        getAndHead(routes, "/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        // Live unless the streams client has died: then only a restart helps (see casepulse.exit-on-streams-error).
        getAndHead(routes, "/health/live", ctx -> {
            KafkaStreams.State state = state(health);
            boolean dead = EngineHealth.isDead(state);
            ctx.status(dead ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
                    .json(dead ? Map.of("status", "DOWN", "streams", state.name()) : Map.of("status", "UP"));
        });
        getAndHead(routes, "/health/ready", ctx -> {
            Readiness readiness = Readiness.of(state(health), health.processing(), view.progress());
            ctx.status(readiness.isReady() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
            // The detail (streams state, the view's progress) is for operators.
            Principal principal = ctx.attribute(PRINCIPAL);
            if (principal != null && principal.has(Role.OPERATOR)) {
                ctx.json(readiness);
            } else {
                ctx.json(Map.of("status", readiness.status()));
            }
        });

        routes.exception(BadParameterException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                .json(new ErrorJson("bad request", e.parameter(), e.getMessage())));
        routes.exception(AreaForbiddenException.class, (e, ctx) -> ctx.status(HttpStatus.FORBIDDEN)
                .json(new ErrorJson("forbidden", QueryParameters.AREA, e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .json(new ErrorJson("internal error", null, "the request failed; see the server's log"));
        });
    }

    /** HEAD answers as GET would, headers and all (Content-Type: application/json), without the body. */
    private static void getAndHead(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    /** Lets the request on, with its principal, or answers 401 or 403 and stops it. */
    private void authorize(Context ctx) {
        Access access = policy.decide(ctx.path(), ctx.header(Header.AUTHORIZATION));
        switch (access.outcome()) {
            case GRANTED -> ctx.attribute(PRINCIPAL, access.principal());
            case UNAUTHENTICATED -> {
                LOG.debug("{} {}: 401, {}", ctx.method(), ctx.path(), access.reason());
                access.challenges().forEach(challenge -> ctx.res().addHeader(Header.WWW_AUTHENTICATE, challenge));
                ctx.status(HttpStatus.UNAUTHORIZED).json(new ErrorJson("unauthorized", null,
                        "log in: " + String.join(" or ", access.challenges().stream()
                                .map(challenge -> challenge.split(" ", 2)[0]).toList()) + " credentials are needed"));
                ctx.skipRemainingHandlers();
            }
            case FORBIDDEN -> {
                LOG.info("{} {}: 403, {}", ctx.method(), ctx.path(), access.reason());
                ctx.status(HttpStatus.FORBIDDEN).json(new ErrorJson("forbidden", null,
                        "your roles do not allow this part of the service"));
                ctx.skipRemainingHandlers();
            }
        }
    }

    static AreaScope scope(Context ctx, ReferenceData reference) {
        Principal principal = ctx.attribute(PRINCIPAL);
        try {
            return AreaScope.of(principal == null ? Principal.UNRESTRICTED : principal, reference.areas());
        } catch (IllegalArgumentException e) {
            throw new AreaForbiddenException(e.getMessage());
        }
    }

    static void checkArea(AreaScope scope, String areaCode) {
        if (areaCode != null && !scope.permits(areaCode)) {
            throw new AreaForbiddenException("area " + areaCode + " is outside your area " + scope.area()
                    + ": you see " + scope.area() + ", the areas beneath it and NATIONAL");
        }
    }

    /** A request for an area outside the caller's scope. */
    private static final class AreaForbiddenException extends RuntimeException {
        AreaForbiddenException(String message) {
            super(message);
        }
    }

    private static QueryParameters parameters(Context ctx, ReferenceData reference) {
        return new QueryParameters(ctx.queryParamMap(), reference);
    }

    private static KafkaStreams.State state(EngineHealth health) {
        try {
            return health.streamsState();
        } catch (RuntimeException e) {
            LOG.warn("Cannot tell the streams application's state: {}", e.toString());
            return null;
        }
    }

    /** The answer of {@code /api/snapshots}: {@code view} says whether it may be incomplete yet. */
    record SnapshotsJson(String view, int count, List<Figure> figures) {}

    /** @param parameter the query parameter at fault, or null */
    record ErrorJson(String error, String parameter, String message) {}
}
