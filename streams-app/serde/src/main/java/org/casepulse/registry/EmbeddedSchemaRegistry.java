package org.casepulse.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process, in-memory Schema Registry speaking enough of Confluent's REST API for Confluent's
 * own clients (and ours) to work against it unchanged: register, look up, versions, schemas by id,
 * soft and hard subject deletes, compatibility checks and levels, schema GUIDs
 * ({@code /schemas/guids/{guid}}), Confluent's error bodies. For local runs and tests; production
 * points at a real registry. In memory, optionally journaled to a file ({@link #persistTo}).
 * Reads are open; changes from other machines are refused unless credentials are required
 * ({@link WriteProtection}). HTTP, or HTTPS with {@link #serveTls}.
 *
 * <p>Only AVRO schemas without references are accepted. {@code GET /schemas/ids/{id}?subject=} is
 * accepted and answers as Confluent does in its default context: ids are global, so the subject
 * does not change the answer.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final String CONTENT_TYPE = RestSchemaRegistryClient.CONTENT_TYPE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVALID_LEVEL = "Invalid compatibility level. Valid values are none, backward, "
            + "forward, full, backward_transitive, forward_transitive, and full_transitive";

    private final SchemaStore store = new SchemaStore();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String requiredAuthorization;
    private SchemaJournal journal;
    private Path tlsKeyStore;
    private String tlsPassword;
    private String tlsType;
    private Javalin app;
    private String url;

    /** Makes every request need HTTP basic authentication with {@code user:password}; call before {@link #start}. */
    public EmbeddedSchemaRegistry requireBasicAuth(String userInfo) {
        requiredAuthorization = "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Keeps every accepted change in {@code file}, a write-ahead journal ({@link SchemaJournal}),
     * and replays it first: a local stack restarted on the same data directory, even after a
     * crash, serves the same ids, versions, deletes and compatibility settings as before. Each
     * change is on disk before it is answered. Call before {@link #start}.
     */
    public synchronized EmbeddedSchemaRegistry persistTo(Path file) {
        List<JsonNode> entries = new ArrayList<>();
        SchemaJournal opened = SchemaJournal.open(file, entries);
        try {
            store.replay(entries);
        } catch (RuntimeException e) {
            opened.close();
            throw new IllegalStateException("Cannot replay the schema journal " + file + ": " + e.getMessage(), e);
        }
        store.journalTo(opened);
        journal = opened;
        LOG.info("Schema journal {}: {} changes replayed", file, entries.size());
        return this;
    }

    /**
     * Serves HTTPS rather than HTTP, with the key and certificate in {@code keyStore} (JKS or
     * PKCS12, by its type). Call before {@link #start}.
     */
    public synchronized EmbeddedSchemaRegistry serveTls(Path keyStore, String password, String type) {
        this.tlsKeyStore = keyStore;
        this.tlsPassword = password;
        this.tlsType = type;
        return this;
    }

    /** Starts serving on {@code host}; port 0 picks a free port (read it back from {@link #url()}). */
    public synchronized EmbeddedSchemaRegistry start(String host, int port) {
        if (app != null) {
            throw new IllegalStateException("Already started at " + url);
        }
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            routes(config.routes);
            if (tlsKeyStore != null) {
                config.jetty.addConnector((server, http) -> {
                    SslContextFactory.Server tls = new SslContextFactory.Server();
                    tls.setKeyStorePath(tlsKeyStore.toString());
                    tls.setKeyStorePassword(tlsPassword);
                    tls.setKeyStoreType(tlsType);
                    // No SNI host check: clients may call by IP or by a name the certificate does not carry.
                    HttpConfiguration https = new HttpConfiguration(http);
                    https.getCustomizers().removeIf(customizer -> customizer instanceof SecureRequestCustomizer);
                    https.addCustomizer(new SecureRequestCustomizer(false));
                    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                            new HttpConnectionFactory(https));
                    connector.setHost(host);
                    connector.setPort(port);
                    return connector;
                });
            }
        });
        app.start(host, port);
        url = (tlsKeyStore != null ? "https://" : "http://") + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + app.port();
        LOG.info("Embedded Schema Registry listening on {}", url);
        return this;
    }

    /** Base URL, for example {@code http://127.0.0.1:41234}. */
    public synchronized String url() {
        if (url == null) {
            throw new IllegalStateException("Not started");
        }
        return url;
    }

    /** Every request received so far, as {@code "METHOD /path"} (no query), oldest first. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
            app = null;
        }
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }

    private void routes(RoutesConfig routes) {
        routes.before(ctx -> {
            requests.add(ctx.method() + " " + ctx.path());
            authenticate(ctx);
            protectWrites(ctx);
        });
        routes.exception(RegistryError.class, (e, ctx) -> respond(ctx, e.httpStatus, new ErrorBody(e.errorCode, e.getMessage())));
        routes.exception(JsonProcessingException.class, (e, ctx) ->
                respond(ctx, 400, new ErrorBody(ErrorCodes.BAD_REQUEST, "Invalid JSON: " + e.getOriginalMessage())));

        routes.get("/subjects", ctx -> respond(ctx, 200, store.subjects(flag(ctx, "deleted"))));
        routes.post("/subjects/{subject}/versions", ctx -> {
            String subject = subject(ctx);
            String schema = schemaText(ctx);
            int id = store.register(subject, schema);
            respond(ctx, 200, new IdBody(id, store.guidOf(id)));
        });
        routes.post("/subjects/{subject}", ctx ->
                respond(ctx, 200, versionBody(store.lookUp(subject(ctx), schemaText(ctx), flag(ctx, "deleted")))));
        routes.get("/subjects/{subject}/versions", ctx ->
                respond(ctx, 200, store.versions(subject(ctx), flag(ctx, "deleted"))));
        routes.get("/subjects/{subject}/versions/{version}", ctx ->
                respond(ctx, 200, versionBody(store.version(subject(ctx), version(ctx), flag(ctx, "deleted")))));
        routes.delete("/subjects/{subject}", ctx ->
                respond(ctx, 200, store.deleteSubject(subject(ctx), flag(ctx, "permanent"))));
        routes.get("/schemas/ids/{id}", ctx -> {
            int id = schemaId(ctx);
            respond(ctx, 200, new SchemaBody(store.schema(id), store.guidOf(id)));
        });
        routes.get("/schemas/guids/{guid}", ctx -> {
            String guid = ctx.pathParam("guid");
            respond(ctx, 200, new SchemaBody(store.schemaByGuid(guid), guid));
        });
        routes.post("/compatibility/subjects/{subject}/versions/{version}", ctx -> {
            List<String> problems = store.incompatibilities(subject(ctx), version(ctx), schemaText(ctx));
            respond(ctx, 200, new CompatibilityBody(problems.isEmpty(), flag(ctx, "verbose") ? problems : null));
        });
        routes.get("/config", ctx -> respond(ctx, 200, new ConfigBody(store.globalLevel().name())));
        routes.put("/config", ctx -> {
            CompatibilityLevel level = requestedLevel(ctx);
            store.globalLevel(level);
            respond(ctx, 200, new ConfigUpdateBody(level.name()));
        });
        routes.delete("/config", ctx -> respond(ctx, 200, new ConfigBody(store.deleteGlobalLevel().name())));
        routes.delete("/config/{subject}", ctx -> {
            String subject = subject(ctx);
            respond(ctx, 200, new ConfigBody(store.deleteSubjectLevel(subject)
                    .orElseThrow(() -> RegistryError.subjectNotFound(subject)).name()));
        });
        routes.get("/config/{subject}", ctx -> {
            String subject = subject(ctx);
            CompatibilityLevel level = store.subjectLevel(subject)
                    .or(() -> flag(ctx, "defaultToGlobal") ? Optional.of(store.globalLevel()) : Optional.empty())
                    .orElseThrow(() -> new RegistryError(404, ErrorCodes.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                            "Subject '" + subject + "' does not have subject-level compatibility configured"));
            respond(ctx, 200, new ConfigBody(level.name()));
        });
        routes.put("/config/{subject}", ctx -> {
            CompatibilityLevel level = requestedLevel(ctx);
            store.subjectLevel(subject(ctx), level);
            respond(ctx, 200, new ConfigUpdateBody(level.name()));
        });
        // Newer Confluent clients ask for subject associations first and treat 404 as "none".
        routes.get("/associations", EmbeddedSchemaRegistry::noAssociations);
        routes.get("/associations/<path>", EmbeddedSchemaRegistry::noAssociations);
    }

    private void authenticate(Context ctx) {
        String required = requiredAuthorization;
        if (required != null && !required.equals(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Basic realm=\"SchemaRegistry\"");
            throw new RegistryError(401, ErrorCodes.UNAUTHORIZED, "Unauthorized");
        }
    }

    /** Writes from other machines need credentials: see {@link WriteProtection}. */
    private void protectWrites(Context ctx) {
        if (!WriteProtection.allows(ctx.method().name(), ctx.path(), ctx.req().getRemoteAddr(), requiredAuthorization != null)) {
            throw new RegistryError(403, ErrorCodes.FORBIDDEN, "This registry accepts changes from this machine only, unless"
                    + " it requires credentials: " + ctx.method() + " " + ctx.path() + " from " + ctx.req().getRemoteAddr()
                    + " refused");
        }
    }

    private static void noAssociations(Context ctx) {
        throw new RegistryError(404, ErrorCodes.ASSOCIATION_NOT_FOUND, "Associations are not supported by this registry");
    }

    private static String subject(Context ctx) {
        return ctx.pathParam("subject");
    }

    private static boolean flag(Context ctx, String name) {
        return Boolean.parseBoolean(ctx.queryParam(name));
    }

    private static int version(Context ctx) {
        String version = ctx.pathParam("version");
        if ("latest".equals(version)) {
            return SchemaStore.LATEST;
        }
        try {
            int number = Integer.parseInt(version);
            if (number >= 1 || number == SchemaStore.LATEST) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new RegistryError(422, ErrorCodes.INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    private static int schemaId(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw RegistryError.schemaNotFound("Schema " + id + " not found");
        }
    }

    /** The {@code schema} of a register, look-up or compatibility request; unknown fields are ignored. */
    private static String schemaText(Context ctx) throws JsonProcessingException {
        JsonNode body = JSON.readTree(ctx.body());
        if (body == null || !body.isObject()) {
            throw new RegistryError(400, ErrorCodes.BAD_REQUEST, "Request body must be a JSON object");
        }
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw RegistryError.invalidSchema("Invalid schema type " + type + ": this registry stores AVRO schemas only");
        }
        if (!body.path("references").isMissingNode() && !body.path("references").isEmpty()) {
            throw RegistryError.invalidSchema("Schema references are not supported by this registry");
        }
        JsonNode schema = body.path("schema");
        return schema.isTextual() ? schema.asText() : null;
    }

    private static CompatibilityLevel requestedLevel(Context ctx) throws JsonProcessingException {
        JsonNode body = JSON.readTree(ctx.body());
        return CompatibilityLevel.parse(body == null ? null : body.path("compatibility").asText(null))
                .orElseThrow(() -> new RegistryError(422, ErrorCodes.INVALID_COMPATIBILITY_LEVEL, INVALID_LEVEL));
    }

    private static void respond(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VersionBody versionBody(SchemaStore.Version version) {
        return new VersionBody(version.subject(), version.version(), version.id(), version.schema(), version.guid());
    }

    // Response shapes of Confluent's API; schemaType is left out, as Confluent does for AVRO.
    // guid: Confluent 8's schema GUID, for serializers that put it in a record header.
    record IdBody(int id, String guid) {}

    record SchemaBody(String schema, String guid) {}

    record VersionBody(String subject, int version, int id, String schema, String guid) {}

    record ErrorBody(@JsonProperty("error_code") int errorCode, String message) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CompatibilityBody(@JsonProperty("is_compatible") boolean compatible, List<String> messages) {}

    record ConfigBody(String compatibilityLevel) {}

    record ConfigUpdateBody(String compatibility) {}
}
