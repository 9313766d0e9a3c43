package org.casepulse.localstack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Types a few managers' comments and one data-quality note on last month's national figures
 * through the HTTP API, as an editor would, so that the demo's board report for last month
 * (/report?month=...) reads like the county scorecard (seed 003): analysis, actions and good
 * practice under the sections, a note at the end. Only when the page has authentication off (the
 * demo's default): otherwise the demo holds no editor's credentials. An entry already there (a
 * second run on the same data) is left as it is.
 */
final class DemoCommentary {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommentary.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration READY_WAIT = Duration.ofSeconds(120);
    private static final Duration RETRY = Duration.ofMillis(500);

    record Entry(String indicator, String kind, String text) {}

    static final List<Entry> ENTRIES = List.of(
            new Entry("allocation-within-2wd", "analysis", "Allocation within 2 working days fell in the North while "
                    + "two team manager posts were vacant; the South held its level."),
            new Entry("allocation-within-2wd", "actions", "Duty rotas doubled in the hotspot areas from the 1st; "
                    + "agency cover agreed until the posts are filled. Reviewed weekly by the service manager."),
            new Entry("s47-to-initial-conference", "analysis", "The share of section 47 enquiries going on to an initial "
                    + "conference remains below the national average. The safeguarding unit will audit the enquiries "
                    + "that did not proceed and report the reasons."),
            new Entry("children-in-care-fostered", "good-practice", "Foster carer recruitment in the Central region "
                    + "brought 12 new households this quarter, all within 10 miles of the children's schools."),
            new Entry("cp-visits-in-timescale", "data-quality", "Two visits took place but had not been recorded on the "
                    + "system when the figures were taken; the records have since been updated and monthly checks "
                    + "set up."));

    private DemoCommentary() {}

    /** Writes the entries in the background, so start-up does not wait on it. */
    static void typeInBackground(String serverUrl, YearMonth month) {
        Thread typist = new Thread(() -> type(serverUrl, month), "casepulse-demo-commentary");
        typist.setDaemon(true);
        typist.start();
    }

    static int type(String serverUrl, YearMonth month) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        int written = 0;
        for (Entry entry : ENTRIES) {
            String uri = serverUrl + "/api/commentary?indicator=" + entry.indicator() + "&area=NATIONAL&month=" + month;
            String body = "{\"kind\":\"" + entry.kind() + "\",\"text\":\"" + entry.text().replace("\"", "\\\"") + "\"}";
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body,
                                StandardCharsets.UTF_8)).build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                // 503 while the engine is still reading the commentary topic: ask again until a deadline.
                long deadline = System.nanoTime() + READY_WAIT.toNanos();
                while (response.statusCode() == 503 && System.nanoTime() < deadline) {
                    Thread.sleep(RETRY.toMillis());
                    response = client.send(request, HttpResponse.BodyHandlers.ofString());
                }
                if (response.statusCode() == 201) {
                    written++;
                } else if (response.statusCode() != 409) {
                    LOG.warn("Demo commentary on {} not written: {} {}", entry.indicator(), response.statusCode(),
                            response.body());
                }
            } catch (java.io.IOException e) {
                LOG.warn("Demo commentary on {} not written: {}", entry.indicator(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return written;
            }
        }
        LOG.info("Demo commentary: {} entries written for {} (the board report: {}/report?month={})", written, month,
                serverUrl, URLEncoder.encode(month.toString(), StandardCharsets.UTF_8));
        return written;
    }
}
