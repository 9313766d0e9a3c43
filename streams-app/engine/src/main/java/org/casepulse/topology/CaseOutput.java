package org.casepulse.topology;

import org.casepulse.state.ChildSummary;
import org.casepulse.state.LedgerDelta;
import org.casepulse.state.SeriesChanges;

/** What the case ledger sends on: series changes, worker holdings, and summaries for the child's ledger, and events it refused. */
sealed interface CaseOutput {

    record SeriesChange(SeriesChanges changes) implements CaseOutput {}

    record HoldingChange(LedgerDelta delta) implements CaseOutput {}

    record ChildUpdate(ChildSummary summary) implements CaseOutput {}

    /** An event refused by the case ledger: its original bytes, for the dead-letter topic (the reason is in the headers). */
    record Refused(byte[] raw) implements CaseOutput {}
}
