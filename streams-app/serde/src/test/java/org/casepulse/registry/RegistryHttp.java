package org.casepulse.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Raw HTTP calls to a registry, so tests see exactly what goes over the wire. */
final class RegistryHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Reply(int status, String contentType, JsonNode body) {
        int errorCode() {
            return body.path("error_code").asInt();
        }

        String message() {
            return body.path("message").asText();
        }
    }

    private final String baseUrl;

    RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Reply get(String path) {
        return send("GET", path, null, "application/vnd.schemaregistry.v1+json");
    }

    Reply delete(String path) {
        return send("DELETE", path, null, "application/vnd.schemaregistry.v1+json");
    }

    Reply post(String path, Object body) {
        return send("POST", path, json(body), "application/vnd.schemaregistry.v1+json");
    }

    Reply put(String path, Object body) {
        return send("PUT", path, json(body), "application/vnd.schemaregistry.v1+json");
    }

    /** Registers {@code schema} under {@code subject} and returns its id, failing on any error. */
    int register(String subject, String schema) {
        Reply reply = post("/subjects/" + subject + "/versions", Map.of("schema", schema));
        if (reply.status() != 200) {
            throw new AssertionError("Registration failed: " + reply);
        }
        return reply.body().path("id").asInt();
    }

    Reply send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new AssertionError("HTTP " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
