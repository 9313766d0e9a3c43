package org.casepulse.indicators;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Which cases an indicator counts (COUNTING.md 8.1), applied to numerator and denominator alike.
 * The case-type sets and the asylum-seeking exclusion judge the case; the unborn exclusion and the
 * age band judge it at a date {@code d}: the date of the element that dates an event fact, or T.
 *
 * @param caseTypes        the referral's case type is one of these (null: any case; a case
 *                         without a case type matches no set)
 * @param excludeCaseTypes the referral's case type is none of these (a case without one is kept)
 * @param ageBand          the child's age at d is in the band (null: any age)
 */
public record CaseFilter(Set<String> caseTypes, Set<String> excludeCaseTypes, AgeBand ageBand,
                         boolean excludeUnborn, boolean excludeAsylumSeeking) {

    public static final CaseFilter ALL = new CaseFilter(null, Set.of(), null, false, false);

    public CaseFilter {
        caseTypes = caseTypes == null ? null : Set.copyOf(caseTypes);
        excludeCaseTypes = Set.copyOf(excludeCaseTypes);
    }

    /** The filter of a catalogue entry that only names a {@code caseType}. */
    public static CaseFilter ofCaseType(Optional<String> caseType) {
        return caseType.map(type -> new CaseFilter(Set.of(type), Set.of(), null, false, false)).orElse(ALL);
    }

    /**
     * Completed years {@code from} to {@code to}, either bound optional. Unborn: outside. No known
     * date of birth: outside, unless {@code includeUnknown}.
     */
    public record AgeBand(Integer from, Integer to, boolean includeUnknown) {
        public boolean admits(ChildAttributes child, LocalDate date) {
            if (child.unbornOn(date)) {
                return false;
            }
            Integer age = child.ageOn(date);
            if (age == null) {
                return includeUnknown;
            }
            return (from == null || age >= from) && (to == null || age <= to);
        }
    }

    /** Whether a referral of this case type passes the case-type sets. */
    public boolean matchesCaseType(String caseType) {
        if (caseTypes != null && (caseType == null || !caseTypes.contains(caseType))) {
            return false;
        }
        return caseType == null || !excludeCaseTypes.contains(caseType);
    }

    /** The parts that judge the case as a whole: case types, asylum-seeking. */
    public boolean admitsCase(CaseHistory history) {
        return history.hasReferral() && matchesCaseType(history.referral().getCaseType())
                && !(excludeAsylumSeeking && history.child().unaccompaniedAsylumSeeking());
    }

    /** Whether any part depends on the date (unborn, age band). */
    public boolean isDated() {
        return excludeUnborn || ageBand != null;
    }

    /** The parts that judge the case at {@code date}: unborn, age band. */
    public boolean admitsOn(CaseHistory history, LocalDate date) {
        ChildAttributes child = history.child();
        return !(excludeUnborn && child.unbornOn(date)) && (ageBand == null || ageBand.admits(child, date));
    }
}
