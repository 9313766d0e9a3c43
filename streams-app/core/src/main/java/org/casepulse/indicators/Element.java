package org.casepulse.indicators;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.casepulse.events.AssessmentType;
import org.casepulse.events.AuditType;
import org.casepulse.events.HearingType;
import org.casepulse.events.OrderType;
import org.casepulse.events.ReportType;
import org.casepulse.events.SafeguardingCheckType;
import org.casepulse.events.CheckType;
import org.casepulse.events.ConferenceType;
import org.casepulse.events.PlanType;
import org.casepulse.events.ReviewType;

/**
 * A dated element of a case, as catalogue parameters name it (COUNTING.md section 7):
 * {@code {name: conference, conferenceTypes: [INITIAL]}}. The type sets narrow the element;
 * null means every type.
 */
public record Element(Name name, Set<AssessmentType> assessmentTypes, Set<ConferenceType> conferenceTypes,
                      Set<ReviewType> reviewTypes, PlanType planType, Set<CheckType> checkTypes,
                      Set<HearingType> hearingTypes, Set<ReportType> reportTypes, Set<OrderType> orderTypes,
                      Set<SafeguardingCheckType> safeguardingChecks, Set<AuditType> auditTypes) {

    public Element {
        assessmentTypes = assessmentTypes == null ? null : Set.copyOf(assessmentTypes);
        conferenceTypes = conferenceTypes == null ? null : Set.copyOf(conferenceTypes);
        reviewTypes = reviewTypes == null ? null : Set.copyOf(reviewTypes);
        checkTypes = checkTypes == null ? null : Set.copyOf(checkTypes);
        hearingTypes = hearingTypes == null ? null : Set.copyOf(hearingTypes);
        reportTypes = reportTypes == null ? null : Set.copyOf(reportTypes);
        orderTypes = orderTypes == null ? null : Set.copyOf(orderTypes);
        safeguardingChecks = safeguardingChecks == null ? null : Set.copyOf(safeguardingChecks);
        auditTypes = auditTypes == null ? null : Set.copyOf(auditTypes);
    }

    /** The contract v2 elements' narrowings only. */
    public Element(Name name, Set<AssessmentType> assessmentTypes, Set<ConferenceType> conferenceTypes,
                   Set<ReviewType> reviewTypes, PlanType planType, Set<CheckType> checkTypes) {
        this(name, assessmentTypes, conferenceTypes, reviewTypes, planType, checkTypes, null, null, null, null, null);
    }

    public static Element of(Name name) {
        return new Element(name, null, null, null, null, null);
    }

    /** The element names and which narrowing each takes. */
    public enum Name {
        REFERRAL("referral"),
        ASSESSMENT_START("assessment-start"),
        ASSESSMENT_COMPLETION("assessment-completion"),
        STRATEGY_DISCUSSION("strategy-discussion"),
        CONFERENCE("conference"),
        REVIEW("review"),
        PLAN_START("plan-start"),
        PLAN_END("plan-end"),
        PLACEMENT_START("placement-start"),
        PLACEMENT_END("placement-end"),
        ADOPTION_DECISION("adoption-decision"),
        PLACED_FOR_ADOPTION("placed-for-adoption"),
        ARRANGEMENT_START("arrangement-start"),
        ARRANGEMENT_END("arrangement-end"),
        CASE_CLOSURE("case-closure"),
        VISIT("visit"),
        CHILD_CHECK("child-check"),
        HEARING("hearing"),
        REPORT_ORDER("report-order"),
        REPORT_FILING("report-filing"),
        ORDER("order"),
        SAFEGUARDING_CHECK("safeguarding-check"),
        DIVERSITY_FORM("diversity-form"),
        AUDIT_ASSIGNMENT("audit-assignment"),
        AUDIT_COMPLETION("audit-completion"),
        FEEDBACK("feedback");

        private final String yamlName;

        Name(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }

        public static Optional<Name> fromYamlName(String name) {
            return Arrays.stream(values()).filter(n -> n.yamlName.equals(name)).findFirst();
        }

        /** The narrowing field this element takes, or null when it takes none. */
        public String narrowing() {
            return switch (this) {
                case ASSESSMENT_START, ASSESSMENT_COMPLETION -> "assessmentTypes";
                case CONFERENCE -> "conferenceTypes";
                case REVIEW -> "reviewTypes";
                case PLAN_START, PLAN_END -> "planType";
                case CHILD_CHECK -> "checkTypes";
                case HEARING -> "hearingTypes";
                case REPORT_ORDER, REPORT_FILING -> "reportTypes";
                case ORDER -> "orderTypes";
                case SAFEGUARDING_CHECK -> "safeguardingChecks";
                case AUDIT_ASSIGNMENT, AUDIT_COMPLETION -> "auditTypes";
                default -> null;
            };
        }
    }
}
