package org.casepulse.http;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

/**
 * Debian's Chromium, headless, driven through the Chrome DevTools Protocol over a WebSocket
 * (java.net.http and Jackson; no driver to download). Collects the page's uncaught exceptions and
 * console errors so tests can assert there were none.
 */
final class HeadlessChromium implements AutoCloseable {
    /** System property naming another Chromium binary. */
    static final String BINARY_PROPERTY = "casepulse.test.chromium";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();

    private HeadlessChromium(Process process, String pageSocket) {
        this.process = process;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(pageSocket), new Listener()).join();
    }

    static Path binary() {
        return Path.of(System.getProperty(BINARY_PROPERTY, "/usr/bin/chromium"));
    }

    static boolean isInstalled() {
        return Files.isExecutable(binary());
    }

    /** Starts Chromium with a fresh profile in {@code profile}, its log in {@code log}, showing a blank page. */
    static HeadlessChromium launch(Path profile, Path log) throws IOException {
        Process process = new ProcessBuilder(binary().toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            await("Chromium's DevToolsActivePort in " + profile).atMost(TIMEOUT)
                    .until(() -> Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2);
            String port = Files.readAllLines(portFile).get(0).strip();
            String pageSocket = await("a page target").atMost(TIMEOUT).until(() -> pageSocket(port), s -> s != null);
            return new HeadlessChromium(process, pageSocket);
        } catch (RuntimeException e) {
            destroy(process);
            throw e;
        }
    }

    /** Sends a command and waits for its result. */
    JsonNode send(String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode response = answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (response.has("error")) {
                throw new IllegalStateException(method + " failed: " + response.get("error"));
            }
            return response.get("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer within " + TIMEOUT, e);
        } finally {
            pending.remove(id);
        }
    }

    /** Evaluates a JavaScript expression in the page; its value as JSON (null for undefined). */
    JsonNode evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("Evaluating " + expression + " threw " + result.get("exceptionDetails"));
        }
        return result.get("result").path("value");
    }

    /** Sets the viewport and opens {@code url}. */
    void open(String url, int width, int height) {
        send("Runtime.enable", Map.of());
        send("Log.enable", Map.of());
        viewport(width, height);
        send("Page.navigate", Map.of("url", url));
    }

    /** The whole page (not just the viewport) as PNG. */
    byte[] screenshot(int width) {
        JsonNode size = send("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        viewport(width, (int) Math.ceil(size.get("height").asDouble()));
        String png = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true))
                .get("data").asText();
        return Base64.getDecoder().decode(png);
    }

    /** Uncaught exceptions and console errors of the page so far. */
    List<String> errors() {
        return new ArrayList<>(errors);
    }

    @Override
    public void close() {
        try {
            send("Browser.close", Map.of());
        } catch (RuntimeException e) {
            // It may go before it answers; destroy() makes sure.
        }
        socket.abort();
        destroy(process);
    }

    private void viewport(int width, int height) {
        send("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    private static String pageSocket(String port) throws IOException, InterruptedException {
        HttpResponse<String> targets = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString());
        return StreamSupport.stream(JSON.readTree(targets.body()).spliterator(), false)
                .filter(target -> target.path("type").asText().equals("page"))
                .map(target -> target.path("webSocketDebuggerUrl").asText(null))
                .findFirst().orElse(null);
    }

    private static void destroy(Process process) {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                handle(message.toString());
                message.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(String text) {
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
                if (answer != null) {
                    answer.complete(message);
                }
                return;
            }
            JsonNode params = message.path("params");
            switch (message.path("method").asText()) {
                case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
                case "Runtime.consoleAPICalled" -> {
                    if (params.path("type").asText().equals("error")) {
                        errors.add("console.error: " + params.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    if (params.path("entry").path("level").asText().equals("error")) {
                        errors.add("log: " + params.path("entry"));
                    }
                }
                default -> { }
            }
        }
    }
}
