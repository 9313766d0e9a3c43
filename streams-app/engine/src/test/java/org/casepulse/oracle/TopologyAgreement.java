package org.casepulse.oracle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.casepulse.events.CaseEvent;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.testing.TopologyHarness;

/**
 * Runs a history through the real topology (TopologyTestDriver) and lists every way its published
 * figures differ from what the reference computation expects: figures missing, figures not
 * expected, and fields that disagree.
 */
public final class TopologyAgreement {

    private TopologyAgreement() {}

    public static List<String> differences(List<CaseEvent> events, Map<FigureKey, ExpectedFigure> expected,
                                           ReferenceData reference, LocalDate today, int reportingMonths) {
        return differences(events, List.of(), expected, reference, today, reportingMonths);
    }

    /** With workforce facts too, sent after the events (the two inputs are independent). */
    public static List<String> differences(List<CaseEvent> events, List<WorkforceEvent> workforce,
                                           Map<FigureKey, ExpectedFigure> expected,
                                           ReferenceData reference, LocalDate today, int reportingMonths) {
        Map<IndicatorSnapshotKey, IndicatorSnapshot> published;
        try (TopologyHarness harness = TopologyHarness.asOf(reference, today, reportingMonths)) {
            published = harness.send(events).sendWorkforce(workforce).flush().current();
        }
        Map<String, IndicatorSnapshot> actualByKey = new HashMap<>();
        published.forEach((key, snapshot) -> actualByKey.put(FigureKey.of(key).toString(), snapshot));
        Map<String, ExpectedFigure> expectedByKey = new HashMap<>();
        expected.forEach((key, figure) -> expectedByKey.put(key.toString(), figure));
        TreeSet<String> keys = new TreeSet<>(actualByKey.keySet());
        keys.addAll(expectedByKey.keySet());

        List<String> differences = new ArrayList<>();
        for (String key : keys) {
            IndicatorSnapshot actual = actualByKey.get(key);
            ExpectedFigure wanted = expectedByKey.get(key);
            if (actual == null) {
                differences.add(key + ": expected but not published: " + wanted);
            } else if (wanted == null) {
                differences.add(key + ": published but not expected: " + actual);
            } else {
                wanted.mismatches(actual).forEach(m -> differences.add(key + ": " + m));
            }
        }
        return differences;
    }
}
