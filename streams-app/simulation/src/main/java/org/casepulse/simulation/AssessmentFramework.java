package org.casepulse.simulation;

/** How a simulated authority types its statutory assessments. */
public enum AssessmentFramework {
    /** Single assessments (the framework since 2014): one per referral assessed. */
    SINGLE,
    /**
     * The former framework of seed 004 (NI 59/60): an initial assessment within 10 working days of
     * the referral, then, for the children who need more, a core assessment within 35 of its start.
     */
    INITIAL_CORE
}
