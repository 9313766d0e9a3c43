package org.casepulse.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.casepulse.app.CasepulseSettings;
import org.casepulse.broker.EmbeddedKafkaBroker;
import org.casepulse.localstack.CasepulseLocal;
import org.casepulse.reference.ReferenceData;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.simulation.Simulation;
import org.casepulse.simulation.SimulationSettings;
import org.casepulse.topics.TopicProvisioner;
import org.casepulse.topics.TopicSpec;

/**
 * How long the engine takes to be ready again after a stop, clean (SIGTERM) or not (SIGKILL),
 * with the membership settings before and after issue 14. Each engine is a process of its own
 * (killed for real), on the embedded broker and registry of this one, over a generated history;
 * the time runs from the new process's launch until its {@code /health/ready} answers 200.
 */
public final class RestartBenchmark {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    /** One way of stopping and restarting, under one set of settings. */
    private record Scenario(String name, boolean clean, boolean leaveGroup, int sessionTimeoutMs, boolean staticMembership) {}

    /** Before: Kafka's 45 s sessions and Kafka Streams' habit of staying in the group on close. */
    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("clean stop (SIGTERM), before: stays in the group, 45 s", true, false, 45_000, false),
            new Scenario("clean stop (SIGTERM), after: leaves the group", true, true, 10_000, false),
            new Scenario("unclean stop (SIGKILL), before: 45 s sessions", false, true, 45_000, false),
            new Scenario("unclean stop (SIGKILL), after: 10 s sessions", false, true, 10_000, false),
            new Scenario("unclean stop (SIGKILL), static membership", false, true, 10_000, true));

    private final int events;
    private final Path dataDir;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public RestartBenchmark(int events, Path dataDir, PrintStream out) {
        this.events = events;
        this.dataDir = dataDir;
        this.out = out;
    }

    public void run() throws Exception {
        ReferenceData reference = ReferenceData.defaults();
        LocalDate end = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
        SimulationSettings simulation = SimulationSettings.defaults(end);
        simulation = simulation.withReferralsPerWorkingDay(
                Simulation.referralsPerWorkingDayFor(events, simulation, reference.areas(), reference.calendar()));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), "127.0.0.1", 0);
             EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0)) {
            String input = "restart.case-events";
            try (TopicProvisioner topics = new TopicProvisioner(broker.bootstrapServers(), Duration.ofSeconds(30))) {
                topics.ensureTopics(TopicSpec.of(input, 4));
            }
            produce(new Simulation(simulation, reference.areas(), reference.calendar()), broker.bootstrapServers(),
                    registry.url(), input);
            List<String> results = new ArrayList<>();
            int number = 0;
            for (Scenario scenario : SCENARIOS) {
                number++;
                Path config = writeConfig(scenario, number, broker.bootstrapServers(), registry.url(), input, end);
                int port = Integer.parseInt(readPort(config));
                Process first = launch(config, "first-" + number);
                Duration firstStart = awaitReady(first, port);
                awaitProcessed(first, port);
                if (scenario.clean()) {
                    first.destroy();
                } else {
                    first.destroyForcibly();
                }
                first.waitFor();
                Process second = launch(config, "second-" + number);
                Duration restart = awaitReady(second, port);
                second.destroy();
                second.waitFor();
                String line = String.format("%-58s first start %5.1f s, restart %5.1f s", scenario.name(),
                        firstStart.toMillis() / 1e3, restart.toMillis() / 1e3);
                out.println(line);
                results.add(line);
            }
            out.println();
            out.printf("restart times, %,d events, process launch to /health/ready 200:%n", events);
            results.forEach(out::println);
        }
    }

    private void produce(Simulation simulation, String bootstrap, String registryUrl, String topic) {
        long sent = History.publish(simulation, events, bootstrap, registryUrl, topic);
        out.printf("history: %,d events produced%n", sent);
    }

    private Path writeConfig(Scenario scenario, int number, String bootstrap, String registryUrl, String input,
                             LocalDate asOf) throws IOException {
        Path config = dataDir.resolve("restart-" + number + ".properties");
        String properties = String.join("\n",
                "bootstrap.servers=" + bootstrap,
                "schema.registry.url=" + registryUrl,
                "application.id=restart-benchmark-" + number,
                "state.dir=" + dataDir.resolve("state-" + number).toString().replace('\\', '/'),
                "num.stream.threads=2",
                CasepulseSettings.TOPIC_CASE_EVENTS + "=" + input,
                CasepulseSettings.TOPIC_SNAPSHOTS + "=restart.snapshots-" + number,
                CasepulseSettings.TOPIC_DEAD_LETTERS + "=restart.dead-letters-" + number,
                CasepulseSettings.TOPIC_REPLICATION + "=1",
                CasepulseSettings.AS_OF + "=" + asOf,
                CasepulseSettings.HTTP_PORT + "=" + freePort(),
                CasepulseSettings.LEAVE_GROUP_ON_CLOSE + "=" + scenario.leaveGroup(),
                CasepulseSettings.STATIC_MEMBERSHIP + "=" + scenario.staticMembership(),
                "session.timeout.ms=" + scenario.sessionTimeoutMs(),
                "");
        Files.writeString(config, properties);
        return config;
    }

    private static String readPort(Path config) throws IOException {
        for (String line : Files.readAllLines(config)) {
            if (line.startsWith(CasepulseSettings.HTTP_PORT + "=")) {
                return line.substring(line.indexOf('=') + 1);
            }
        }
        throw new IllegalStateException("no port in " + config);
    }

    private Process launch(Path config, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                CasepulseLocal.class.getName(), "run", "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile())
                .start();
    }

    private Duration awaitReady(Process process, int port) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + READY_TIMEOUT.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the engine exited with status " + process.exitValue()
                        + "; see its log in " + dataDir);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYetListening) {
                // The process is still starting.
            }
            Thread.sleep(100); // polling another process's health; nothing to wait on
        }
        throw new IllegalStateException("the engine was not ready within " + READY_TIMEOUT + "; see " + dataDir);
    }

    /** Lets the first engine work through most of the history, so that a restart has state to find. */
    private void awaitProcessed(Process process, int port) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                String scrape = http.send(metrics, HttpResponse.BodyHandlers.ofString()).body();
                double counted = scrape.lines()
                        .filter(line -> line.startsWith("casepulse_events_processed_total{")
                                || line.startsWith("casepulse_events_dead_lettered_total{"))
                        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .sum();
                if (counted >= events * 0.9) {
                    return;
                }
            } catch (IOException notAnswering) {
                // Try again.
            }
            Thread.sleep(500); // polling another process's metrics; nothing to wait on
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
