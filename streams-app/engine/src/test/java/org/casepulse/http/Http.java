package org.casepulse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GET requests to a server under test, answers as text and JSON. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    Http(String base) {
        this.base = base;
    }

    Answer get(String pathAndQuery) {
        return get(pathAndQuery, "application/json");
    }

    Answer get(String pathAndQuery, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Security-Policy").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + base + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: GET " + base + pathAndQuery, e);
        }
    }

    record Answer(int status, String contentType, String contentSecurityPolicy, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (status " + status + "): " + body, e);
            }
        }
    }
}
