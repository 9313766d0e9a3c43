package org.casepulse.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The PromQL of the provisioned Grafana dashboards and of the Prometheus rules, with where each is. */
final class MonitoringQueries {

    record Query(String where, String expression) {
        Set<String> metricNames() {
            return PromQlMetricNames.in(expression);
        }
    }

    private MonitoringQueries() {}

    /** Every panel target's {@code expr} and every templating query of every dashboard in {@code dir}. */
    static List<Query> dashboards(Path dir) {
        List<Query> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode board = DeploymentFiles.json(file);
                collectTargets(file.getFileName().toString(), board.path("panels"), queries);
                for (JsonNode variable : board.path("templating").path("list")) {
                    if (variable.path("type").asText().equals("query")) {
                        JsonNode query = variable.path("query");
                        String text = query.isTextual() ? query.asText() : query.path("query").asText();
                        queries.add(new Query(file.getFileName() + " variable " + variable.path("name").asText(), text));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries;
    }

    private static void collectTargets(String file, JsonNode panels, List<Query> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    queries.add(new Query(file + " panel \"" + panel.path("title").asText() + "\"", target.path("expr").asText()));
                }
            }
            collectTargets(file, panel.path("panels"), queries); // rows may hold their panels
        }
    }

    /** The {@code expr} of every alerting and recording rule. */
    static List<Query> rules(Path rulesFile) {
        List<Query> queries = new ArrayList<>();
        for (JsonNode group : DeploymentFiles.yaml(rulesFile).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.has("alert") ? "alert " + rule.path("alert").asText() : "record " + rule.path("record").asText();
                queries.add(new Query(rulesFile.getFileName() + " " + name, rule.path("expr").asText()));
            }
        }
        return queries;
    }

    /** Series that the rules themselves record: names that no scrape has, yet valid in queries. */
    static Set<String> recordedNames(Path rulesFile) {
        Set<String> names = new TreeSet<>();
        for (JsonNode group : DeploymentFiles.yaml(rulesFile).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.hasNonNull("record")) {
                    names.add(rule.path("record").asText());
                }
            }
        }
        return names;
    }
}
