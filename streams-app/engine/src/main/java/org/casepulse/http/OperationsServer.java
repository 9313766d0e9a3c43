package org.casepulse.http;

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
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.casepulse.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations surface on one HTTP port: the scorecard page at {@code /}, the snapshot API
 * under {@code /api}, a server-sent event stream of changes, Prometheus metrics at
 * {@code /metrics} and health at {@code /health/live} and {@code /health/ready}.
 */
public final class OperationsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperationsServer.class);
    static final String EVENT_STREAM = "text/event-stream";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** Everything the page uses comes from this server; nothing from elsewhere, nothing inline. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final Javalin app;
    private final SnapshotStream stream;
    private final PrometheusMeterRegistry registry;
    private final List<Meter> meters;
    private final String url;

    private OperationsServer(OperationsSettings settings, PublishedFigures view, ReferenceData reference,
                             PrometheusMeterRegistry registry, EngineHealth health) {
        ObjectMapper json = objectMapper();
        this.registry = registry;
        this.stream = new SnapshotStream(view, settings.heartbeat(), json);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY,
                        "X-Content-Type-Options", "nosniff", "Cache-Control", "no-cache");
            });
        });
        routes(view, reference, health);
        this.meters = List.of(
                Gauge.builder("casepulse.view.figures", view, v -> v.figures().size())
                        .description("Figures held by the operations surface's snapshot view").register(registry),
                Gauge.builder("casepulse.view.caught.up", view, v -> v.isCaughtUp() ? 1 : 0)
                        .description("1 once the snapshot view has read what the topic held at start-up")
                        .register(registry),
                Gauge.builder("casepulse.stream.clients", stream, SnapshotStream::clients)
                        .description("Clients following /api/stream").register(registry));
        app.start(settings.host(), settings.port());
        String host = settings.host().equals("0.0.0.0") || settings.host().equals("::") ? "localhost" : settings.host();
        this.url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port();
        LOG.info("Operations surface at {} (scorecard page, /api, /metrics, /health)", url);
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

    /** Starts serving, with health from {@code health}: the streams state and what holds processing up. */
    public static OperationsServer start(OperationsSettings settings, PublishedFigures view, ReferenceData reference,
                                         PrometheusMeterRegistry registry, EngineHealth health) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(health, "health");
        return new OperationsServer(settings, view, reference, registry, health);
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
        meters.forEach(registry::remove);
    }

    /** Jackson as the API writes JSON: dates and instants as ISO-8601 strings. */
    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    private void routes(PublishedFigures view, ReferenceData reference, EngineHealth health) {
        List<IndicatorJson> indicators = reference.catalogue().indicators().stream().map(IndicatorJson::of).toList();
        List<AreaJson> areas = reference.areas().all().stream()
                .map(area -> AreaJson.of(area, reference.areas())).toList();

        app.before("/api/*", ctx -> {
            // The event stream sets its own caching headers.
            if (!ctx.path().equals("/api/stream")) {
                ctx.header("Cache-Control", "no-store");
            }
        });
        app.get("/api/indicators", ctx -> ctx.json(indicators));
        app.get("/api/areas", ctx -> ctx.json(areas));
        app.get("/api/snapshots", ctx -> {
            FigureFilter filter = parameters(ctx, reference).figureFilter();
            List<Figure> figures = view.figures().find(filter);
            ctx.json(new SnapshotsJson(view.progress().describe(), figures.size(), figures));
        });
        app.get("/api/scorecard", ctx -> {
            QueryParameters parameters = parameters(ctx, reference);
            ctx.json(Scorecard.of(view.figures(), reference.catalogue(), reference.areas(), parameters.scorecardArea(),
                    parameters.scorecardPeriodType(), null, view.progress().describe()));
        });
        app.get("/api/stream", ctx -> {
            FigureFilter filter = parameters(ctx, reference).figureFilter();
            if (!EVENT_STREAM.equals(ctx.header("Accept"))) {
                ctx.status(HttpStatus.NOT_ACCEPTABLE).json(new ErrorJson("not acceptable", null,
                        "/api/stream is a server-sent event stream: send the header Accept: " + EVENT_STREAM
                                + ", as EventSource does (curl -N -H 'Accept: " + EVENT_STREAM + "' ...)"));
                return;
            }
            new SseHandler(client -> stream.serve(client, filter)).handle(ctx);
        });

        app.get("/api/openapi.json", new OpenApiDocument());
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        // Live unless the streams client has died: then only a restart helps (see casepulse.exit-on-streams-error).
        app.get("/health/live", ctx -> {
            KafkaStreams.State state = state(health);
            boolean dead = EngineHealth.isDead(state);
            ctx.status(dead ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
                    .json(dead ? Map.of("status", "DOWN", "streams", state.name()) : Map.of("status", "UP"));
        });
        app.get("/health/ready", ctx -> {
            Readiness readiness = Readiness.of(state(health), health.processing(), view.progress());
            ctx.status(readiness.isReady() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(readiness);
        });

        app.exception(BadParameterException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                .json(new ErrorJson("bad request", e.parameter(), e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .json(new ErrorJson("internal error", null, "the request failed; see the server's log"));
        });
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
