package org.casepulse.indicators.workforce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.casepulse.indicators.Facts;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.MeasureParameters;
import org.casepulse.workforce.WorkforceEvent;
import org.casepulse.workforce.WorkforceEventType;

/**
 * What one post contributes to the posts indicators and to the denominator of caseload-per-fte
 * (COUNTING.md 14.2, 14.3, 14.8), as day deltas: the
 * post's versions split time into spans, and each span in establishment adds its weight to the
 * population (and, when its filling and role qualify, to the numerator) at its area, from its
 * first day to the next version's. A new day is then a lookup, as for the case snapshot kinds.
 */
public final class PostFacts {

    /** Business order of facts: effectiveOn, then recordedAt, then eventId. */
    public static final Comparator<WorkforceEvent> ORDER = Comparator.comparing(WorkforceEvent::getEffectiveOn)
            .thenComparing(WorkforceEvent::getRecordedAt).thenComparing(WorkforceEvent::getEventId);

    private final List<IndicatorDefinition> indicators;

    public PostFacts(IndicatorCatalogue catalogue) {
        this.indicators = catalogue.all().stream().filter(i -> i.measure() == org.casepulse.indicators.MeasureKind.POSTS
                || i.measure().isCasesOverPosts()).toList();
    }

    public boolean isEmpty() {
        return indicators.isEmpty();
    }

    /** The post's day deltas, from its effective facts (any order). */
    public Facts compute(List<WorkforceEvent> effective) {
        Facts facts = new Facts();
        List<WorkforceEvent> versions = new ArrayList<>();
        for (WorkforceEvent event : effective) {
            if (event.getType() == WorkforceEventType.POST_RECORDED || event.getType() == WorkforceEventType.POST_DISESTABLISHED) {
                versions.add(event);
            }
        }
        versions.sort(ORDER);
        for (int i = 0; i < versions.size(); i++) {
            WorkforceEvent version = versions.get(i);
            WorkforceEvent next = i + 1 < versions.size() ? versions.get(i + 1) : null;
            if (version.getType() != WorkforceEventType.POST_RECORDED
                    || (next != null && next.getEffectiveOn().equals(version.getEffectiveOn()))) {
                continue; // not in establishment, or overtaken the same day
            }
            for (IndicatorDefinition indicator : indicators) {
                MeasureParameters.PostSelection posts = indicator.parameters().posts();
                if (!posts.selects(version.getRole(), version.getTeamType())) {
                    continue;
                }
                long weight = posts.byPosts() ? 1 : hundredths(version.getFte());
                boolean counted = posts.filledBy().contains(version.getFilledBy())
                        && (posts.filledRoles() == null || posts.filledRoles().contains(version.getRole()));
                long numerator = counted ? weight : 0;
                long denominator = weight;
                if (indicator.measure().isCasesOverPosts()) {
                    // the cases are the case ledger's to send; the posts filled as asked are the denominator
                    denominator = numerator;
                    numerator = 0;
                    if (denominator == 0) {
                        continue;
                    }
                }
                facts.add(indicator.id(), version.getAreaCode(), version.getEffectiveOn(), numerator, denominator);
                if (next != null) {
                    facts.add(indicator.id(), version.getAreaCode(), next.getEffectiveOn(), -numerator, -denominator);
                }
            }
        }
        return facts;
    }

    /** FTE in hundredths (validation admits whole hundredths only). */
    public static long hundredths(double fte) {
        return Math.round(fte * 100);
    }
}
