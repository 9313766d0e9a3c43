package org.casepulse.topology;

import org.casepulse.state.ChildSummary;
import org.casepulse.state.LedgerDelta;
import org.casepulse.state.SeriesChanges;

/** What the case ledger sends on: series changes, worker holdings, and summaries for the child's ledger. */
sealed interface CaseOutput {

    record SeriesChange(SeriesChanges changes) implements CaseOutput {}

    record HoldingChange(LedgerDelta delta) implements CaseOutput {}

    record ChildUpdate(ChildSummary summary) implements CaseOutput {}
}
