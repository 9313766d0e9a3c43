package org.casepulse.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.casepulse.registry.RegistryHttp.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every endpoint of the embedded registry, through real HTTP, against Confluent's documented answers. */
class EmbeddedSchemaRegistryTest {
    private static final String V1 = record("{\"name\":\"a\",\"type\":\"int\"}");
    private static final String V2 = record("{\"name\":\"a\",\"type\":\"int\"},"
            + "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}");
    /** Adds a field without a default: the new schema cannot read V1's data. */
    private static final String BACKWARD_BREAKING = record("{\"name\":\"a\",\"type\":\"int\"},"
            + "{\"name\":\"c\",\"type\":\"long\"}");

    private EmbeddedSchemaRegistry registry;
    private RegistryHttp http;

    @BeforeEach
    void start() {
        registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0);
        http = new RegistryHttp(registry.url());
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void shouldServeOnAFreePortAndAnswerInTheRegistryContentType() {
        assertThat(registry.url()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");

        Reply reply = http.post("/subjects/s-value/versions", Map.of("schema", V1, "schemaType", "AVRO"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(reply.body().toString()).isEqualTo("{\"id\":1,\"guid\":\"" + SchemaStore.guid(new Schema.Parser().parse(V1).toString()) + "\"}");
    }

    @Test
    void shouldGiveTheSameIdToTheSameSchemaWithinAndAcrossSubjects() {
        int first = http.register("s-value", V1);
        int again = http.register("s-value", reformatted(V1));
        int otherSubject = http.register("t-value", V1);
        int other = http.register("s-value", V2);

        assertThat(again).isEqualTo(first);
        assertThat(otherSubject).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(http.get("/subjects/s-value/versions").body().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/t-value/versions").body().toString()).isEqualTo("[1]");
    }

    @Test
    void shouldAcceptPlainJsonAndIgnoreUnknownFields() {
        String body = "{\"schema\": " + RegistryHttp.JSON.valueToTree(V1) + ", \"metadata\": null, \"ruleSet\": null,"
                + " \"references\": [], \"somethingNew\": 42}";

        Reply reply = http.send("POST", "/subjects/s-value/versions", body, "application/json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("id").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRejectAnUnparseableSchemaWith42201() {
        Reply reply = http.post("/subjects/s-value/versions", Map.of("schema", "{\"type\": \"record\", \"name\": "));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(ErrorCodes.INVALID_SCHEMA);
        assertThat(reply.message()).startsWith("Invalid schema");
    }

    @Test
    void shouldRejectNonAvroSchemaTypesWith42201() {
        Reply reply = http.post("/subjects/s-value/versions", Map.of("schema", "syntax = \"proto3\";", "schemaType", "PROTOBUF"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(ErrorCodes.INVALID_SCHEMA);
    }

    @Test
    void shouldAnswerMalformedJsonWith400() {
        Reply reply = http.send("POST", "/subjects/s-value/versions", "{not json", "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(400);
    }

    @Test
    void shouldRejectAnIncompatibleSchemaWith409AndSayWhy() {
        http.register("s-value", V1);

        Reply reply = http.post("/subjects/s-value/versions", Map.of("schema", BACKWARD_BREAKING));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo(ErrorCodes.INCOMPATIBLE_SCHEMA);
        assertThat(reply.message())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \"s-value\"")
                .contains("READER_FIELD_MISSING_DEFAULT", "{oldSchemaVersion: 1}", "{compatibility: 'BACKWARD'}");
        assertThat(http.get("/subjects/s-value/versions").body().toString()).isEqualTo("[1]");
    }

    @Test
    void shouldLookUpASchemaUnderASubject() {
        http.register("s-value", V1);
        int id = http.register("s-value", V2);

        Reply found = http.post("/subjects/s-value", Map.of("schema", reformatted(V2)));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("subject").asText()).isEqualTo("s-value");
        assertThat(found.body().path("id").asInt()).isEqualTo(id);
        assertThat(found.body().path("version").asInt()).isEqualTo(2);
        assertThat(new Schema.Parser().parse(found.body().path("schema").asText())).isEqualTo(new Schema.Parser().parse(V2));
        assertThat(found.body().has("schemaType")).as("left out for AVRO, as Confluent does").isFalse();
    }

    @Test
    void shouldAnswerLookUpsOfUnknownSubjectsAndSchemasWithConfluentCodes() {
        http.register("s-value", V1);

        Reply unknownSubject = http.post("/subjects/nope-value", Map.of("schema", V1));
        Reply unknownSchema = http.post("/subjects/s-value", Map.of("schema", V2));

        assertThat(unknownSubject.status()).isEqualTo(404);
        assertThat(unknownSubject.errorCode()).isEqualTo(40401);
        assertThat(unknownSubject.message()).isEqualTo("Subject 'nope-value' not found.");
        assertThat(unknownSchema.status()).isEqualTo(404);
        assertThat(unknownSchema.errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldListSubjectsAndVersions() {
        http.register("b-value", V1);
        http.register("a-value", V1);
        http.register("a-value", V2);

        assertThat(http.get("/subjects").body().toString()).isEqualTo("[\"a-value\",\"b-value\"]");
        assertThat(http.get("/subjects/a-value/versions").body().toString()).isEqualTo("[1,2]");
        Reply unknown = http.get("/subjects/nope/versions");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldGetVersionsByNumberAndLatest() {
        int id1 = http.register("s-value", V1);
        int id2 = http.register("s-value", V2);

        Reply first = http.get("/subjects/s-value/versions/1");
        Reply latest = http.get("/subjects/s-value/versions/latest");
        Reply minusOne = http.get("/subjects/s-value/versions/-1");

        assertThat(first.body().path("id").asInt()).isEqualTo(id1);
        assertThat(first.body().path("version").asInt()).isEqualTo(1);
        assertThat(first.body().path("subject").asText()).isEqualTo("s-value");
        assertThat(latest.body().path("id").asInt()).isEqualTo(id2);
        assertThat(latest.body().path("version").asInt()).isEqualTo(2);
        assertThat(minusOne.body()).isEqualTo(latest.body());
    }

    @Test
    void shouldAnswerUnknownAndInvalidVersionsWithConfluentCodes() {
        http.register("s-value", V1);

        Reply unknownVersion = http.get("/subjects/s-value/versions/7");
        Reply unknownSubject = http.get("/subjects/nope/versions/latest");
        Reply invalidVersion = http.get("/subjects/s-value/versions/zero");
        Reply zero = http.get("/subjects/s-value/versions/0");

        assertThat(unknownVersion.status()).isEqualTo(404);
        assertThat(unknownVersion.errorCode()).isEqualTo(40402);
        assertThat(unknownVersion.message()).isEqualTo("Version 7 not found.");
        assertThat(unknownSubject.errorCode()).isEqualTo(40401);
        assertThat(invalidVersion.status()).isEqualTo(422);
        assertThat(invalidVersion.errorCode()).isEqualTo(42202);
        assertThat(zero.errorCode()).isEqualTo(42202);
    }

    @Test
    void shouldGetSchemasByIdWithOrWithoutSubject() {
        int id = http.register("s-value", V1);

        Reply byId = http.get("/schemas/ids/" + id);
        Reply withSubject = http.get("/schemas/ids/" + id + "?subject=s-value");
        Reply unknown = http.get("/schemas/ids/99");

        assertThat(new Schema.Parser().parse(byId.body().path("schema").asText())).isEqualTo(new Schema.Parser().parse(V1));
        assertThat(withSubject.body()).isEqualTo(byId.body());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(40403);
        assertThat(unknown.message()).isEqualTo("Schema 99 not found");
    }

    @Test
    void shouldSoftDeleteThenPermanentlyDeleteAsConfluentDoes() {
        http.register("s-value", V1);
        int sharedId = http.register("s-value", V2);
        http.register("other-value", V2);

        Reply permanentFirst = http.delete("/subjects/s-value?permanent=true");
        assertThat(permanentFirst.status()).isEqualTo(404);
        assertThat(permanentFirst.errorCode()).isEqualTo(40405);

        Reply soft = http.delete("/subjects/s-value");
        assertThat(soft.status()).isEqualTo(200);
        assertThat(soft.body().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects").body().toString()).isEqualTo("[\"other-value\"]");
        assertThat(http.get("/subjects?deleted=true").body().toString()).isEqualTo("[\"other-value\",\"s-value\"]");
        assertThat(http.get("/subjects/s-value/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/s-value/versions?deleted=true").body().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/s-value/versions/1?deleted=true").status()).isEqualTo(200);
        assertThat(http.get("/schemas/ids/1").status()).as("soft-deleted ids still decode").isEqualTo(200);

        Reply softAgain = http.delete("/subjects/s-value");
        assertThat(softAgain.errorCode()).isEqualTo(40404);

        Reply permanent = http.delete("/subjects/s-value?permanent=true");
        assertThat(permanent.status()).isEqualTo(200);
        assertThat(permanent.body().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects?deleted=true").body().toString()).isEqualTo("[\"other-value\"]");
        assertThat(http.get("/schemas/ids/1").errorCode()).as("no subject uses it any more").isEqualTo(40403);
        assertThat(http.get("/schemas/ids/" + sharedId).status()).as("still used by other-value").isEqualTo(200);
        assertThat(http.delete("/subjects/s-value").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldNumberVersionsOnAfterASoftDelete() {
        http.register("s-value", V1);
        http.delete("/subjects/s-value");

        http.register("s-value", BACKWARD_BREAKING);

        assertThat(http.get("/subjects/s-value/versions").body().toString())
                .as("deleted versions are not checked for compatibility").isEqualTo("[2]");
    }

    @Test
    void shouldCheckCompatibilityAgainstLatestOrAGivenVersion() {
        http.register("s-value", V1);

        Reply compatible = http.post("/compatibility/subjects/s-value/versions/latest", Map.of("schema", V2));
        Reply incompatible = http.post("/compatibility/subjects/s-value/versions/1?verbose=true",
                Map.of("schema", BACKWARD_BREAKING));
        Reply newSubject = http.post("/compatibility/subjects/new-value/versions/latest", Map.of("schema", V1));
        Reply unknownVersion = http.post("/compatibility/subjects/s-value/versions/3", Map.of("schema", V2));
        Reply unknownSubject = http.post("/compatibility/subjects/new-value/versions/1", Map.of("schema", V2));

        assertThat(compatible.status()).isEqualTo(200);
        assertThat(compatible.body().toString()).isEqualTo("{\"is_compatible\":true}");
        assertThat(incompatible.body().path("is_compatible").asBoolean()).isFalse();
        assertThat(incompatible.body().path("messages").toString()).contains("READER_FIELD_MISSING_DEFAULT");
        assertThat(newSubject.body().path("is_compatible").asBoolean()).isTrue();
        assertThat(unknownVersion.errorCode()).isEqualTo(40402);
        assertThat(unknownSubject.errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/s-value/versions").body().toString()).as("checking registers nothing").isEqualTo("[1]");
    }

    @Test
    void shouldReadAndChangeTheGlobalAndSubjectCompatibility() {
        assertThat(http.get("/config").body().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        Reply notConfigured = http.get("/config/s-value");
        assertThat(notConfigured.status()).isEqualTo(404);
        assertThat(notConfigured.errorCode()).isEqualTo(40408);
        assertThat(http.get("/config/s-value?defaultToGlobal=true").body().path("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");

        Reply global = http.put("/config", Map.of("compatibility", "FULL"));
        Reply subject = http.put("/config/s-value", Map.of("compatibility", "none"));
        Reply invalid = http.put("/config", Map.of("compatibility", "SOMETIMES"));

        assertThat(global.body().toString()).isEqualTo("{\"compatibility\":\"FULL\"}");
        assertThat(subject.body().toString()).isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorCode()).isEqualTo(42203);
        assertThat(http.get("/config").body().path("compatibilityLevel").asText()).isEqualTo("FULL");
        assertThat(http.get("/config/s-value").body().path("compatibilityLevel").asText()).isEqualTo("NONE");

        http.register("s-value", V1);
        assertThat(http.post("/subjects/s-value/versions", Map.of("schema", BACKWARD_BREAKING)).status())
                .as("NONE on the subject overrides FULL globally").isEqualTo(200);
        http.register("t-value", V1);
        assertThat(http.post("/subjects/t-value/versions", Map.of("schema", BACKWARD_BREAKING)).status()).isEqualTo(409);
    }

    /**
     * Chain S (a; a+b with default; b alone without default) breaks backward-transitive and every
     * forward check. Chain T (a,b; a,b with default; a alone) breaks only the transitive forward checks.
     */
    @ParameterizedTest(name = "{0}: chain S third accepted={1}, chain T third accepted={2}")
    @CsvSource({
        "NONE, true, true",
        "BACKWARD, true, true",
        "BACKWARD_TRANSITIVE, false, true",
        "FORWARD, false, true",
        "FORWARD_TRANSITIVE, false, false",
        "FULL, false, true",
        "FULL_TRANSITIVE, false, false",
    })
    void shouldApplyEachCompatibilityLevelWithAvrosRules(String level, boolean chainSAccepted, boolean chainTAccepted) {
        http.put("/config", Map.of("compatibility", level));
        String a = "{\"name\":\"a\",\"type\":\"int\"}";
        String b = "{\"name\":\"b\",\"type\":\"string\"}";
        String bWithDefault = "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}";

        List<String> chainS = List.of(record(a), record(a + "," + bWithDefault), record(b));
        List<String> chainT = List.of(record(a + "," + b), record(a + "," + bWithDefault), record(a));

        assertThat(thirdAccepted("s-value", chainS)).isEqualTo(chainSAccepted);
        assertThat(thirdAccepted("t-value", chainT)).isEqualTo(chainTAccepted);
    }

    @Test
    void shouldRequireBasicAuthWhenAskedTo() {
        registry.close();
        registry = new EmbeddedSchemaRegistry().requireBasicAuth("fred:s3cret").start("127.0.0.1", 0);

        Reply anonymous = new RegistryHttp(registry.url()).get("/subjects");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo(401);
    }

    @Test
    void shouldGiveEachSchemaAGuidAndServeSchemasByGuid() {
        int id = http.register("s-value", V1);
        String guid = http.post("/subjects/s-value/versions", Map.of("schema", V1)).body().path("guid").asText();
        http.register("t-value", reformatted(V1));
        int id2 = http.register("s-value", V2);

        assertThat(guid).matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(http.get("/subjects/s-value/versions/1").body().path("guid").asText()).isEqualTo(guid);
        assertThat(http.get("/subjects/t-value/versions/latest").body().path("guid").asText()).as("same schema, same guid")
                .isEqualTo(guid);
        assertThat(http.post("/subjects/s-value", Map.of("schema", V1)).body().path("guid").asText()).isEqualTo(guid);
        assertThat(http.get("/schemas/ids/" + id).body().path("guid").asText()).isEqualTo(guid);
        assertThat(http.get("/schemas/ids/" + id2).body().path("guid").asText()).isNotEqualTo(guid);
        Reply byGuid = http.get("/schemas/guids/" + guid);
        assertThat(byGuid.status()).isEqualTo(200);
        assertThat(new Schema.Parser().parse(byGuid.body().path("schema").asText())).isEqualTo(new Schema.Parser().parse(V1));
        Reply unknown = http.get("/schemas/guids/00000000-0000-3000-8000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(ErrorCodes.SCHEMA_NOT_FOUND);
    }

    @Test
    void shouldDeleteTheGlobalAndSubjectCompatibility() {
        http.put("/config", Map.of("compatibility", "FULL"));
        http.put("/config/s-value", Map.of("compatibility", "NONE"));

        Reply subject = http.delete("/config/s-value");
        Reply global = http.delete("/config");

        assertThat(subject.body().toString()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(global.body().toString()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(http.get("/config/s-value").errorCode()).isEqualTo(40408);
        assertThat(http.get("/config").body().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertThat(http.delete("/config/s-value").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldAnswerAssociationQueriesWith404() {
        Reply reply = http.get("/associations/resources/-/orders?resourceType=topic&associationTypes=value");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(ErrorCodes.ASSOCIATION_NOT_FOUND);
    }

    @Test
    void shouldRecordTheRequestsItServes() {
        http.register("s-value", V1);
        http.get("/schemas/ids/1?subject=s-value");

        assertThat(registry.requests()).containsExactly("POST /subjects/s-value/versions", "GET /schemas/ids/1");
    }

    private boolean thirdAccepted(String subject, List<String> chain) {
        http.register(subject, chain.get(0));
        http.register(subject, chain.get(1));
        int status = http.post("/subjects/" + subject + "/versions", Map.of("schema", chain.get(2))).status();
        assertThat(status).isIn(200, 409);
        return status == 200;
    }

    private static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"test\",\"fields\":[" + fields + "]}";
    }

    /** The same schema with different whitespace: identity is the parsed schema, not the text. */
    private static String reformatted(String schema) {
        try {
            return RegistryHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(RegistryHttp.JSON.readTree(schema));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
