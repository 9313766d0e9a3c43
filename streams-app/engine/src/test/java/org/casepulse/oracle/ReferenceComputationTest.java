package org.casepulse.oracle;

import org.casepulse.reference.ReferenceData;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casepulse.events.CaseEvent;
import org.junit.jupiter.api.Test;

class ReferenceComputationTest {
    private static final LocalDate TODAY = LocalDate.parse("2025-11-14");

    @Test
    void shouldGiveTheSameFiguresHoweverCasesInterleave() {
        // Only the order within a case matters (the first received of two equal revisions wins), as
        // Kafka keeps it per case key and no further.
        List<CaseEvent> received = RandomHistories.generate(5, 80, TODAY);
        Map<String, List<CaseEvent>> byCase = new LinkedHashMap<>();
        received.forEach(event -> byCase.computeIfAbsent(event.getCaseId(), id -> new ArrayList<>()).add(event));
        List<CaseEvent> caseAfterCase = byCase.values().stream().flatMap(List::stream).toList();

        assertThat(ReferenceComputation.compute(caseAfterCase, ReferenceData.defaults(), TODAY, 13))
                .isEqualTo(ReferenceComputation.compute(received, ReferenceData.defaults(), TODAY, 13))
                .isNotEmpty();
    }
}
