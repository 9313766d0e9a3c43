package org.casepulse.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casepulse.state.ChildPlan;
import org.casepulse.state.ChildSummary;
import org.casepulse.state.ChildTimeline;

/**
 * A case's summary for its child, as it crosses the repartition topic: ids, areas and case types
 * once in a table; timeline dates as deltas. {@link ChildStateSerde} writes a child's summaries
 * with one table for all of them.
 */
final class ChildSummarySerde extends CompactSerde<ChildSummary> {

    ChildSummarySerde() {
        super(0xD4, "child summary");
    }

    @Override
    protected void write(ChildSummary value, Writer out) {
        Strings strings = new Strings();
        index(value, strings);
        strings.writeTo(out);
        write(value, out, strings);
    }

    @Override
    protected ChildSummary read(Reader in) {
        return read(in, Strings.readFrom(in));
    }

    static void index(ChildSummary summary, Strings strings) {
        strings.index(summary.getCaseId());
        strings.index(summary.getChildId());
        strings.nullableIndex(summary.getReferralArea());
        strings.nullableIndex(summary.getCaseType());
        for (ChildPlan plan : summary.getCpPlans()) {
            strings.index(plan.getPlanId());
            strings.index(plan.getAreaCode());
        }
        for (ChildTimeline timeline : summary.getTimelines()) {
            strings.index(timeline.getIndicatorId());
            for (String area : timeline.getAreaCodes()) {
                strings.nullableIndex(area);
            }
        }
    }

    static void write(ChildSummary summary, Writer out, Strings strings) {
        out.varint(strings.index(summary.getCaseId()));
        out.varint(strings.index(summary.getChildId()));
        out.nullableDate(summary.getReferralDate(), 0);
        out.varint(strings.nullableIndex(summary.getReferralArea()));
        out.varint(strings.nullableIndex(summary.getCaseType()));
        out.varint(summary.getCpPlans().size());
        for (ChildPlan plan : summary.getCpPlans()) {
            out.varint(strings.index(plan.getPlanId()));
            out.date(plan.getStart(), 0);
            out.varint(strings.index(plan.getAreaCode()));
        }
        out.varint(summary.getTimelines().size());
        for (ChildTimeline timeline : summary.getTimelines()) {
            List<LocalDate> dates = timeline.getDates();
            if (timeline.getAreaCodes().size() != dates.size() || timeline.getNumerators().size() != dates.size()) {
                throw new IllegalArgumentException("a timeline needs an area and a numerator for each date");
            }
            out.varint(strings.index(timeline.getIndicatorId()));
            out.varint(dates.size());
            long day = 0;
            for (int i = 0; i < dates.size(); i++) {
                out.date(dates.get(i), day);
                day = dates.get(i).toEpochDay();
                out.varint(strings.nullableIndex(timeline.getAreaCodes().get(i)));
                out.signed(timeline.getNumerators().get(i));
            }
        }
        out.instant(summary.getKnownAt());
        out.nullableDate(summary.getKnownOn(), 0);
    }

    static ChildSummary read(Reader in, String[] strings) {
        String caseId = Reader.string(strings, in.varint());
        String childId = Reader.string(strings, in.varint());
        LocalDate referralDate = in.nullableDate(0);
        String referralArea = Reader.nullableString(strings, in.varint());
        String caseType = Reader.nullableString(strings, in.varint());
        int plans = in.varint();
        List<ChildPlan> cpPlans = new ArrayList<>(plans);
        for (int i = 0; i < plans; i++) {
            String planId = Reader.string(strings, in.varint());
            LocalDate start = in.date(0);
            cpPlans.add(new ChildPlan(planId, start, Reader.string(strings, in.varint())));
        }
        int count = in.varint();
        List<ChildTimeline> timelines = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            String indicatorId = Reader.string(strings, in.varint());
            int size = in.varint();
            List<LocalDate> dates = new ArrayList<>(size);
            List<String> areaCodes = new ArrayList<>(size);
            List<Integer> numerators = new ArrayList<>(size);
            long day = 0;
            for (int i = 0; i < size; i++) {
                LocalDate date = in.date(day);
                day = date.toEpochDay();
                dates.add(date);
                areaCodes.add(Reader.nullableString(strings, in.varint()));
                numerators.add(Math.toIntExact(in.signed()));
            }
            timelines.add(new ChildTimeline(indicatorId, dates, areaCodes, numerators));
        }
        var knownAt = in.instant();
        return new ChildSummary(caseId, childId, referralDate, referralArea, caseType, cpPlans, timelines, knownAt,
                in.nullableDate(0));
    }
}
