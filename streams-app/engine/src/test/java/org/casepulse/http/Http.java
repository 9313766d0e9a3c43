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

/** Requests to a server under test (GET, and writes with a JSON body), answers as text and JSON. */
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

    /** A request with {@code method} and, unless null, a JSON body; optionally with an Authorization header. */
    Answer send(String method, String pathAndQuery, String jsonBody) {
        return send(method, pathAndQuery, jsonBody, null);
    }

    Answer send(String method, String pathAndQuery, String jsonBody, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Security-Policy").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + base + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + method + " " + base + pathAndQuery, e);
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
