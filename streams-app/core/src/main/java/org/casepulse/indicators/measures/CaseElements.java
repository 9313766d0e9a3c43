package org.casepulse.indicators.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casepulse.events.CaseEvent;
import org.casepulse.indicators.CaseHistory;
import org.casepulse.indicators.Element;

/** The occurrences of a named element in a case (COUNTING.md section 7), in business order. */
final class CaseElements {

    /**
     * One occurrence: dated and placed by {@code dating}; {@code deciding} carries what a condition
     * reads (a conference's latest sitting; for every other element the same event).
     */
    record Occurrence(CaseEvent dating, CaseEvent deciding) {
        LocalDate date() {
            return dating.getOccurredOn();
        }

        String areaCode() {
            return dating.getAreaCode();
        }
    }

    private CaseElements() {}

    static List<Occurrence> of(CaseHistory history, Element element) {
        List<Occurrence> found = new ArrayList<>();
        switch (element.name()) {
            case REFERRAL -> add(found, history.referral());
            case ASSESSMENT_START, ASSESSMENT_COMPLETION -> {
                boolean start = element.name() == Element.Name.ASSESSMENT_START;
                for (CaseHistory.Assessment assessment : history.assessments()) {
                    if (element.assessmentTypes() == null || element.assessmentTypes().contains(assessment.type())) {
                        add(found, start ? assessment.start() : assessment.completion());
                    }
                }
            }
            case STRATEGY_DISCUSSION -> history.strategyDiscussions().forEach(event -> add(found, event));
            case CONFERENCE -> {
                for (CaseHistory.Conference conference : history.conferences()) {
                    if (element.conferenceTypes() == null || element.conferenceTypes().contains(conference.type())) {
                        found.add(new Occurrence(conference.first(), conference.latest()));
                    }
                }
            }
            case REVIEW -> history.reviews().stream()
                    .filter(review -> element.reviewTypes() == null || element.reviewTypes().contains(review.getReviewType()))
                    .forEach(review -> add(found, review));
            case PLAN_START, PLAN_END -> {
                for (CaseHistory.Plan plan : history.plans()) {
                    if (element.planType() == null || element.planType() == plan.type()) {
                        add(found, element.name() == Element.Name.PLAN_START ? plan.start() : plan.end());
                    }
                }
            }
            case PLACEMENT_START, PLACEMENT_END -> history.placements().forEach(span ->
                    add(found, element.name() == Element.Name.PLACEMENT_START ? span.start() : span.end()));
            case ARRANGEMENT_START, ARRANGEMENT_END -> history.arrangements().forEach(span ->
                    add(found, element.name() == Element.Name.ARRANGEMENT_START ? span.start() : span.end()));
            case ADOPTION_DECISION -> history.adoptionDecisions().forEach(event -> add(found, event));
            case PLACED_FOR_ADOPTION -> history.placedForAdoption().forEach(event -> add(found, event));
            case CASE_CLOSURE -> add(found, history.closure());
            case VISIT -> history.visits().forEach(event -> add(found, event));
            case CHILD_CHECK -> history.childChecks().stream()
                    .filter(check -> element.checkTypes() == null || element.checkTypes().contains(check.getCheckType()))
                    .forEach(check -> add(found, check));
            case HEARING -> history.hearings().stream()
                    .filter(e -> element.hearingTypes() == null || element.hearingTypes().contains(e.getHearingType()))
                    .forEach(e -> add(found, e));
            case REPORT_ORDER, REPORT_FILING -> (element.name() == Element.Name.REPORT_ORDER ? history.reportOrders()
                    : history.reportFilings()).stream()
                    .filter(e -> element.reportTypes() == null || element.reportTypes().contains(e.getReportType()))
                    .forEach(e -> add(found, e));
            case ORDER -> history.orders().stream()
                    .filter(e -> element.orderTypes() == null || element.orderTypes().contains(e.getOrderType()))
                    .forEach(e -> add(found, e));
            case SAFEGUARDING_CHECK -> history.safeguardingChecks().stream()
                    .filter(e -> element.safeguardingChecks() == null
                            || element.safeguardingChecks().contains(e.getSafeguardingCheck()))
                    .forEach(e -> add(found, e));
            case DIVERSITY_FORM -> history.diversityForms().forEach(e -> add(found, e));
            case AUDIT_ASSIGNMENT, AUDIT_COMPLETION -> (element.name() == Element.Name.AUDIT_ASSIGNMENT
                    ? history.auditAssignments() : history.auditCompletions()).stream()
                    .filter(e -> element.auditTypes() == null || element.auditTypes().contains(e.getAuditType()))
                    .forEach(e -> add(found, e));
            case FEEDBACK -> history.feedback().forEach(e -> add(found, e));
        }
        found.sort((a, b) -> CaseHistory.ORDER.compare(a.dating(), b.dating()));
        return found;
    }

    /**
     * The {@code from} a {@code to} pairs with: the latest dated on or before it (equal dates: the
     * later in event order); null when there is none. {@code froms} are in business order. A report
     * pairs only with the same report, an audit with the same audit (COUNTING.md 13).
     */
    static Occurrence pairOf(Occurrence to, List<Occurrence> froms) {
        String key = pairingKey(to.dating());
        Occurrence paired = null;
        for (Occurrence from : froms) {
            String fromKey = pairingKey(from.dating());
            if (!from.date().isAfter(to.date()) && (key == null || fromKey == null || key.equals(fromKey))) {
                paired = from;
            }
        }
        return paired;
    }

    /** The report or audit an event belongs to, or null for the events that pair by date alone. */
    static String pairingKey(CaseEvent event) {
        return switch (event.getType()) {
            case REPORT_ORDERED, REPORT_FILED -> "report:" + event.getReportId();
            case AUDIT_ASSIGNED, AUDIT_COMPLETED -> "audit:" + event.getAuditId();
            default -> null;
        };
    }

    private static void add(List<Occurrence> found, CaseEvent event) {
        if (event != null) {
            found.add(new Occurrence(event, event));
        }
    }
}
