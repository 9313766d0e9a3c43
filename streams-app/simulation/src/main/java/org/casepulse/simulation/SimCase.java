package org.casepulse.simulation;

import org.casepulse.events.AssessmentType;
import org.casepulse.events.ClosureReason;
import org.casepulse.events.PlanEndReason;
import org.casepulse.events.PlanType;

/** One case as it runs: where it is in its life, who holds it, and the ids of what is under way. */
final class SimCase {
    /** The case's number: with the event's place in the case, it keys the fault dice. */
    final int serial;
    final String number;
    final String id;
    final Child child;
    final String caseType;
    final Kind kind;
    final int referralDay;
    /** The referral's epoch day when it came before the history (a case of the opening caseload). */
    long referralEpochDay;
    final boolean assessed;

    AreaProfile area;
    Worker worker;
    /** The generation of the main line: a step of an older one was superseded. */
    int mainLine;
    /** Events of the case so far: the next one's place in the case. */
    int events;
    /** The last day of the court work planned in the case (CourtWork); -1 when there is none. */
    int courtWorkUntil = -1;
    /** The case's closure has been sent: nothing of it is sent after. */
    boolean closureSent;
    /** When the case's last on-time event was recorded: the next one is recorded after it. */
    long lastRecordedMillis;
    /** The case was referred before the child's birth and the birth is not recorded on it yet. */
    boolean birthToRecord;

    int assessments;
    String assessmentId;
    AssessmentType assessmentType;
    /** The day the statutory assessment under way completes, or -1 when none is under way. */
    int assessmentDueDay = -1;

    /** The section 47 enquiry under way, its start, and whether the main line waits for its outcome. */
    String enquiryId;
    int enquiryStartDay;
    boolean enquiryOpen;
    boolean waitingForEnquiry;
    /** The enquiry follows an assessment that found the child at risk (not a referral under section 47). */
    boolean enquiryEscalated;
    int conferences;

    int plans;
    String planId;
    PlanType planType;
    boolean planOpen;
    int planStartDay;
    int planEndDay;
    PlanEndReason planEndReason;

    /** Care: the placement in force, how many the episode has had, and the adoption plan's days. */
    int placements;
    String placementId;
    boolean stablePlacements;
    int adoptionDecisionDay = -1;
    int placedForAdoptionDay = -1;
    boolean placedForAdoption;
    int careReviews;

    String arrangementId;
    int arrangementStartDay;
    int arrangementEndDay;
    boolean arrangementOpen;

    ClosureReason closureReason;

    SimCase(int number, Child child, AreaProfile area, String caseType, Kind kind, int referralDay, boolean assessed) {
        this.serial = number;
        this.number = Ids.caseNumber(number);
        this.id = Ids.caseId(this.number);
        this.child = child;
        this.area = area;
        this.caseType = caseType;
        this.kind = kind;
        this.referralDay = referralDay;
        this.assessed = assessed;
    }

    boolean closed() {
        return mainLine < 0;
    }

    /** What the case is for: it decides the case's path. */
    enum Kind { STATUTORY, EARLY_HELP, PRIVATE_FOSTERING }

    /** The steps of a case: the main line's, then the tracks beside it. */
    enum Step {
        ALLOCATE, START_ASSESSMENT, COMPLETE_ASSESSMENT, DECIDE, ESCALATE, START_PLAN, VISIT, END_PLAN,
        END_ARRANGEMENT, CLOSE,
        // Tracks: they never schedule a main-line step except where the main line waits for them.
        COMPLETE_ENQUIRY, INITIAL_CONFERENCE, RECORD_ASSESSMENT_COMPLETION, CP_REVIEW, CLA_REVIEW, MOVE_PLACEMENT,
        HEALTH_CHECK, DENTAL_CHECK, EDUCATION_PLAN, ADOPTION_DECISION, PLACE_FOR_ADOPTION, ARRANGEMENT_VISIT
    }
}
