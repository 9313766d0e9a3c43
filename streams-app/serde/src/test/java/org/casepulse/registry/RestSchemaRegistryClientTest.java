package org.casepulse.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {
    private static final Schema V1 = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"test\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
    private static final Schema V2 = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"test\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
                    + "{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}]}");

    private EmbeddedSchemaRegistry registry;

    @BeforeEach
    void start() {
        registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void shouldCallTheRegistryOncePerSchema() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());

        int id = client.register("s-value", V1);
        int again = client.register("s-value", new Schema.Parser().parse(V1.toString()));
        int looked = client.getId("s-value", V1);
        Schema fetched = client.getById(id);

        assertThat(again).isEqualTo(id);
        assertThat(looked).isEqualTo(id);
        assertThat(fetched).isEqualTo(V1);
        assertThat(registry.requests()).containsExactly("POST /subjects/s-value/versions");
    }

    @Test
    void shouldFetchAnUnknownIdOnceAndThenFromCache() {
        int id = new RestSchemaRegistryClient(registry.url()).register("s-value", V1);
        RestSchemaRegistryClient reader = new RestSchemaRegistryClient(registry.url());

        for (int i = 0; i < 100; i++) {
            assertThat(reader.getById(id)).isEqualTo(V1);
        }

        assertThat(registry.requests()).containsExactly("POST /subjects/s-value/versions", "GET /schemas/ids/" + id);
    }

    @Test
    void shouldLookUpFullEntriesAndCacheTheIdsFound() {
        new RestSchemaRegistryClient(registry.url()).register("s-value", V1);
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());

        RegisteredSchema found = client.lookUp("s-value", V1);
        int id1 = client.getId("s-value", V1);
        int id2 = client.getId("s-value", V1);

        assertThat(found).isEqualTo(new RegisteredSchema("s-value", 1, 1, V1));
        assertThat(id1).isEqualTo(1);
        assertThat(id2).isEqualTo(1);
        assertThat(registry.requests()).containsExactly("POST /subjects/s-value/versions",
                "POST /subjects/s-value", "POST /subjects/s-value");
    }

    @Test
    void shouldGetTheLatestVersionEachTimeItIsAsked() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
        client.register("s-value", V1);
        assertThat(client.getLatest("s-value").version()).isEqualTo(1);

        int id2 = client.register("s-value", V2);

        assertThat(client.getLatest("s-value")).isEqualTo(new RegisteredSchema("s-value", id2, 2, V2));
    }

    @Test
    void shouldCarryStatusErrorCodeMessageAndUrlOfRegistryErrors() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());

        assertThatThrownBy(() -> client.getById(42))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(ErrorCodes.SCHEMA_NOT_FOUND);
                    assertThat(e.registryMessage()).isEqualTo("Schema 42 not found");
                    assertThat(e.url()).isEqualTo(registry.url() + "/schemas/ids/42");
                    assertThat(e.unreachable()).isFalse();
                })
                .hasMessageContaining(registry.url());
        assertThatThrownBy(() -> client.getLatest("nope-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCodes.SUBJECT_NOT_FOUND));
    }

    @Test
    void shouldSendBasicAuthCredentials() {
        registry.close();
        registry = new EmbeddedSchemaRegistry().requireBasicAuth("fred:s3cret").start("127.0.0.1", 0);

        RestSchemaRegistryClient withCredentials =
                new RestSchemaRegistryClient(List.of(registry.url()), "fred:s3cret", Duration.ofSeconds(5));
        RestSchemaRegistryClient without = new RestSchemaRegistryClient(registry.url());

        assertThat(withCredentials.register("s-value", V1)).isEqualTo(1);
        assertThatThrownBy(() -> without.getById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    }

    @Test
    void shouldTakeCredentialsFromTheUrlButNotSendThemInIt() {
        registry.close();
        registry = new EmbeddedSchemaRegistry().requireBasicAuth("fred:s3cret").start("127.0.0.1", 0);
        String urlWithUserInfo = registry.url().replace("http://", "http://fred:s3cret@");
        List<String> urls = List.of(urlWithUserInfo);

        RestSchemaRegistryClient client = new RestSchemaRegistryClient(urls,
                RestSchemaRegistryClient.userInfoInUrls(urls), Duration.ofSeconds(5));

        assertThat(client.register("s-value", V1)).isEqualTo(1);
        assertThat(client).hasToString("RestSchemaRegistryClient[" + registry.url() + "]");
    }

    @Test
    void shouldNameTheUrlWhenNoRegistryAnswers() throws IOException {
        String deadUrl = "http://127.0.0.1:" + freePort();
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                RegistryClientSettings.of(List.of(deadUrl)).withRetry(RetryPolicy.NONE));

        assertThatThrownBy(() -> client.register("s-value", V1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.unreachable()).isTrue();
                    assertThat(e.url()).isEqualTo(deadUrl);
                })
                .hasMessageStartingWith("Schema Registry unreachable at " + deadUrl);
    }

    @Test
    void shouldFailOverToTheNextUrlAndStayThere() throws IOException {
        String deadUrl = "http://127.0.0.1:" + freePort();
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(deadUrl + " , " + registry.url());

        assertThat(client.register("s-value", V1)).isEqualTo(1);
        assertThat(client.register("s-value", V2)).isEqualTo(2);
        assertThat(registry.requests()).hasSize(2);
    }

    @Test
    void shouldDoubleTheWaitBetweenRetriesUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(List.of(1, 2, 3, 4, 5).stream().map(policy::waitBefore).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 500L, 500L);
    }

    @Test
    void shouldClassifyRegistryFaults() {
        assertThat(new SchemaRegistryException(503, 50003, "leader unavailable", "u").isTransient()).isTrue();
        assertThat(new SchemaRegistryException(500, 50001, "store error", "u").isTransient()).isTrue();
        assertThat(new SchemaRegistryException(429, 429, "slow down", "u").isTransient()).isTrue();
        assertThat(SchemaRegistryException.unreachable("u", new java.net.ConnectException()).isTransient()).isTrue();
        assertThat(new SchemaRegistryException(404, 40403, "Schema not found", "u").isTransient()).isFalse();
        assertThat(new SchemaRegistryException(422, 42201, "Invalid schema", "u").isTransient()).isFalse();
        assertThat(new SchemaRegistryException(401, 401, "Unauthorized", "u").isTransient()).isFalse();
    }

    /** A port nothing listens on: bound, read back, released. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
