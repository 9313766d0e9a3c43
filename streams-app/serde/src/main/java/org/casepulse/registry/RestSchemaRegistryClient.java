package org.casepulse.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API ({@code java.net.http} and
 * Jackson). Several base URLs may be given: each call goes to the last one that answered and fails
 * over to the next on an I/O error, as Confluent's client does. A transient fault (no answer,
 * timeout, HTTP 5xx or 429) is retried with exponential backoff ({@link RetryPolicy}); the first
 * fault of an outage is logged at WARN, once, and the recovery at INFO. When retries run out the
 * call fails with a {@link SchemaRegistryException} that {@link SchemaRegistryException#isTransient()
 * is transient}; a refusal (4xx) fails at once. Successful answers that cannot change are cached, so
 * an outage does not touch schemas already seen. Thread-safe.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    public static final Duration DEFAULT_TIMEOUT = RegistryClientSettings.DEFAULT_REQUEST_TIMEOUT;

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final List<String> baseUrls;
    private final Map<String, String> headers;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final HttpClient http;
    private volatile int current;
    /** True from the first transient fault until the registry answers again: one WARN per outage. */
    private final AtomicBoolean inOutage = new AtomicBoolean();

    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Schema> schemasByGuid = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(RegistryClientSettings settings) {
        this.baseUrls = settings.urls().stream().map(RestSchemaRegistryClient::withoutUserInfo).toList();
        this.headers = settings.headers();
        this.requestTimeout = settings.requestTimeout();
        this.retry = settings.retry();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout());
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        }
        this.http = builder.build();
    }

    /**
     * @param baseUrls   registry base URLs, for example {@code http://localhost:8081}; user info in them is ignored
     * @param userInfo   {@code user:password} for HTTP basic authentication, or null for none
     * @param timeout    connect and request timeout of each call
     */
    public RestSchemaRegistryClient(List<String> baseUrls, String userInfo, Duration timeout) {
        this(RegistryClientSettings.of(baseUrls)
                .withHeaders(userInfo == null ? Map.of() : Map.of("Authorization", basicAuthorization(userInfo)))
                .withTimeouts(timeout, timeout));
    }

    /** The {@code Authorization} header value of HTTP basic authentication with {@code user:password}. */
    public static String basicAuthorization(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** A client without authentication for a comma-separated list of base URLs. */
    public RestSchemaRegistryClient(String commaSeparatedUrls) {
        this(RegistryClientSettings.of(splitUrls(commaSeparatedUrls)));
    }

    /** Splits Confluent's comma-separated {@code schema.registry.url} value. */
    public static List<String> splitUrls(String commaSeparatedUrls) {
        return Arrays.stream(commaSeparatedUrls.split(","))
                .map(String::trim)
                .filter(url -> !url.isEmpty())
                .toList();
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsFor(subject).computeIfAbsent(schema, s -> {
            int id = call("POST", subjectPath(subject) + "/versions", schemaBody(s)).path("id").asInt();
            schemasById.putIfAbsent(id, s);
            return id;
        });
    }

    @Override
    public int getId(String subject, Schema schema) {
        return idsFor(subject).computeIfAbsent(schema, s -> {
            int id = lookUp(subject, s).id();
            schemasById.putIfAbsent(id, s);
            return id;
        });
    }

    @Override
    public RegisteredSchema lookUp(String subject, Schema schema) {
        return registeredSchema(call("POST", subjectPath(subject), schemaBody(schema)));
    }

    @Override
    public Schema getById(int id) {
        return schemasById.computeIfAbsent(id, i -> parse(call("GET", "/schemas/ids/" + i, null)));
    }

    @Override
    public Schema getByGuid(String guid) {
        return schemasByGuid.computeIfAbsent(guid, g -> parse(call("GET", "/schemas/guids/"
                + URLEncoder.encode(g, StandardCharsets.UTF_8), null)));
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        RegisteredSchema latest = registeredSchema(call("GET", subjectPath(subject) + "/versions/latest", null));
        schemasById.putIfAbsent(latest.id(), latest.schema());
        return latest;
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient" + baseUrls;
    }

    private Map<Schema, Integer> idsFor(String subject) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String schemaBody(Schema schema) {
        // schemaType is omitted: Confluent's clients leave it out for AVRO, the default.
        try {
            return JSON.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RegisteredSchema registeredSchema(JsonNode body) {
        return new RegisteredSchema(body.path("subject").asText(), body.path("id").asInt(),
                body.path("version").asInt(), parse(body));
    }

    private static Schema parse(JsonNode body) {
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new IllegalStateException("Expected an AVRO schema from the registry, got schemaType " + type);
        }
        return new Schema.Parser().parse(body.path("schema").asText());
    }

    /** One call, retried on transient faults as the {@link RetryPolicy} says. */
    private JsonNode call(String method, String path, String body) {
        for (int attempt = 0; ; attempt++) {
            try {
                JsonNode answer = callOnce(method, path, body);
                if (inOutage.compareAndSet(true, false)) {
                    LOG.info("Schema Registry at {} answers again", String.join(", ", baseUrls));
                }
                return answer;
            } catch (SchemaRegistryException e) {
                if (!e.isTransient()) {
                    throw e;
                }
                if (inOutage.compareAndSet(false, true)) {
                    LOG.warn("Schema Registry failing: {}. Retrying each call up to {} times with backoff from {} ms to"
                                    + " {} ms; not logged again until it answers", e.getMessage(), retry.maxRetries(),
                            retry.initialWait().toMillis(), retry.maxWait().toMillis());
                }
                if (attempt >= retry.maxRetries()) {
                    throw e;
                }
                pause(retry.waitBefore(attempt + 1), e);
            }
        }
    }

    private static void pause(Duration wait, SchemaRegistryException failure) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /** One attempt: the base URLs in turn from the last that answered, moving on after an I/O error. */
    private JsonNode callOnce(String method, String path, String body) {
        int first = current;
        IOException lastFailure = null;
        for (int attempt = 0; attempt < baseUrls.size(); attempt++) {
            int index = (first + attempt) % baseUrls.size();
            String url = baseUrls.get(index) + path;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(requestTimeout)
                    .header("Accept", CONTENT_TYPE)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            headers.forEach(request::header);
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SchemaRegistryException.unreachable(url, e);
            }
            current = index;
            return answer(response, url);
        }
        throw SchemaRegistryException.unreachable(String.join(", ", baseUrls), lastFailure);
    }

    private static JsonNode answer(HttpResponse<String> response, String url) {
        JsonNode body = readJson(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300 && body != null) {
            return body;
        }
        if (body != null && body.has("error_code")) {
            throw new SchemaRegistryException(status, body.path("error_code").asInt(),
                    body.path("message").asText(), url);
        }
        throw new SchemaRegistryException(status, status, response.body(), url);
    }

    private static JsonNode readJson(String text) {
        try {
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Drops {@code user:password@} from a URL: credentials travel in the Authorization header. */
    private static String withoutUserInfo(String url) {
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.getScheme() + "://" + uri.getRawAuthority().substring(uri.getRawUserInfo().length() + 1)
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** The first {@code user:password} found in the URLs, for {@code basic.auth.credentials.source=URL}; null if none. */
    public static String userInfoInUrls(List<String> urls) {
        for (String url : urls) {
            String userInfo = URI.create(url).getUserInfo();
            if (userInfo != null) {
                return userInfo;
            }
        }
        return null;
    }
}
