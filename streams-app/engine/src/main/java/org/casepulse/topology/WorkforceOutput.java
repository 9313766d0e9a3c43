package org.casepulse.topology;

import org.casepulse.state.PostTenure;
import org.casepulse.state.SeriesChanges;

/** What the workforce (post) ledger sends on: changes to the series, or a post's tenure for one worker's staff ledger. */
sealed interface WorkforceOutput {

    record SeriesChange(SeriesChanges changes) implements WorkforceOutput {}

    record Tenure(PostTenure tenure) implements WorkforceOutput {}
}
