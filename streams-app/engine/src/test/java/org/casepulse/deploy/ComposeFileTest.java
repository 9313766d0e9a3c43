package org.casepulse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docker/docker-compose.yml} against the Compose specification's JSON schema (vendored in
 * {@code docker/schema}), and against the conventions of this stack that no schema states.
 */
class ComposeFileTest {
    private static final Path DOCKER = DeploymentFiles.docker();
    private static final JsonNode COMPOSE = DeploymentFiles.yaml(DOCKER.resolve("docker-compose.yml"));
    // An exact version (4.3.1, v3.13.4, 17.0.20_8-jre-noble, 0.1.0-SNAPSHOT), never a moving tag.
    private static final Pattern EXACT_TAG = Pattern.compile("v?\\d+\\.\\d+\\.\\d+([._-][\\w.-]+)?");

    @Test
    void shouldFollowTheComposeSpecification() {
        Schema schema = composeSpec();

        List<Error> errors = schema.validate(COMPOSE);

        assertThat(errors).as("docker-compose.yml against the compose-spec schema").isEmpty();
    }

    @Test
    void shouldRejectWhatTheSpecificationForbids() {
        Schema schema = composeSpec();
        JsonNode broken = COMPOSE.deepCopy();
        ((ObjectNode) broken.path("services").path("kafka")).put("restart_policy", "always");

        assertThat(schema.validate(broken)).as("an unknown service key").isNotEmpty();
    }

    @Test
    void shouldPinEveryImageToAnExactTag() {
        services().forEach((name, service) -> {
            String image = service.path("image").asText();
            assertThat(image).as("image of %s", name).isNotBlank();
            String reference = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
            String tag = reference.substring(reference.lastIndexOf('/') + 1).contains(":")
                    ? reference.substring(reference.lastIndexOf(':') + 1) : "";
            assertThat(tag).as("tag of %s (%s)", name, image).matches(EXACT_TAG);
        });
    }

    @Test
    void shouldCheckHealthRestartAndBoundMemoryOfEveryLongRunningService() {
        services().forEach((name, service) -> {
            if (service.has("profiles")) {
                return; // one-shot tools, see below
            }
            assertThat(service.path("restart").asText()).as("restart of %s", name).isEqualTo("unless-stopped");
            assertThat(service.path("healthcheck").path("test").isArray()).as("healthcheck of %s", name).isTrue();
            assertThat(service.path("healthcheck").path("disable").asBoolean(false)).as("healthcheck of %s", name).isFalse();
            assertThat(service.path("mem_limit").asText()).as("mem_limit of %s", name).matches("\\d+[mg]");
        });
    }

    @Test
    void shouldRunOneShotToolsWithoutRestartsOrTheEngineHealthcheck() {
        services().forEach((name, service) -> {
            if (service.has("profiles")) {
                assertThat(service.path("restart").asText()).as("restart of %s", name).isEqualTo("no");
                assertThat(service.path("healthcheck").path("disable").asBoolean()).as("healthcheck of %s", name).isTrue();
            }
        });
    }

    @Test
    void shouldStartEachServiceOnlyOnceItsDependenciesAreHealthy() {
        services().forEach((name, service) -> {
            JsonNode dependsOn = service.path("depends_on");
            assertThat(dependsOn.isArray()).as("depends_on of %s must name a condition", name).isFalse();
            dependsOn.fields().forEachRemaining(dependency -> {
                assertThat(dependency.getValue().path("condition").asText())
                        .as("%s depends on %s", name, dependency.getKey()).isEqualTo("service_healthy");
                assertThat(services()).as("%s depends on %s", name, dependency.getKey()).containsKey(dependency.getKey());
            });
        });
        assertThat(fieldNames(services().get("casepulse").path("depends_on"))).containsExactlyInAnyOrder("kafka", "schema-registry");
    }

    @Test
    void shouldKeepKafkaTopicsOnANamedVolumeAndPublishAHostListener() {
        JsonNode kafka = services().get("kafka");
        JsonNode environment = kafka.path("environment");
        String logDirs = environment.path("KAFKA_LOG_DIRS").asText();
        assertThat(textValues(kafka.path("volumes"))).as("a named volume at KAFKA_LOG_DIRS")
                .anyMatch(volume -> volume.matches("[\\w-]+:" + Pattern.quote(logDirs)) && COMPOSE.path("volumes")
                        .has(volume.substring(0, volume.indexOf(':'))));
        assertThat(environment.path("KAFKA_ADVERTISED_LISTENERS").asText()).contains("HOST://localhost:9092");
        assertThat(textValues(kafka.path("ports"))).contains("127.0.0.1:9092:9092");
        assertThat(textValues(services().get("casepulse").path("volumes"))).anyMatch(volume -> volume.startsWith("casepulse-state:"));
    }

    @Test
    void shouldMountOnlyFilesThatExist() {
        services().forEach((name, service) -> {
            for (String volume : textValues(service.path("volumes"))) {
                String source = volume.substring(0, volume.indexOf(':'));
                if (source.startsWith("./")) {
                    assertThat(DOCKER.resolve(source)).as("mounted into %s", name).exists();
                } else {
                    assertThat(COMPOSE.path("volumes").has(source)).as("volume %s of %s declared", source, name).isTrue();
                }
            }
        });
    }

    @Test
    void shouldBuildTheImageWithHealthcheckOneLibAndExactBaseImages() throws Exception {
        List<String> dockerfile = Files.readAllLines(DOCKER.resolve("Dockerfile"));
        List<String> bases = dockerfile.stream().filter(line -> line.startsWith("FROM ")).toList();
        assertThat(bases).hasSize(2).allSatisfy(from -> assertThat(from.split("\\s+")[1])
                .matches("eclipse-temurin:" + EXACT_TAG.pattern()));
        assertThat(dockerfile).anyMatch(line -> line.startsWith("HEALTHCHECK"));
        assertThat(String.join("\n", dockerfile))
                .contains("/health/ready")
                .contains("--mount=type=cache,target=/root/.m2 ./mvnw")
                .contains("/dist/lib")
                .doesNotContain("FROM maven");
        assertThat(DOCKER.resolveSibling(".dockerignore")).content().contains("**/target", ".git");
    }

    /** The schema's own $id is relative ("compose_spec.json"): its file is the base it resolves against. */
    private static Schema composeSpec() {
        Path file = DOCKER.resolve("schema/compose-spec.json");
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of(file.toUri().toString()), DeploymentFiles.json(file));
    }

    private static Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        COMPOSE.path("services").fields().forEachRemaining(entry -> services.put(entry.getKey(), entry.getValue()));
        return services;
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
