package org.casepulse.simulation;

/** How a simulated authority types its statutory assessments. */
public enum AssessmentFramework {
    /** Single assessments (the framework since 2014): one per referral assessed. */
    SINGLE,
    /**
     * The former framework of seed 004 (NI 59/60): an initial assessment within 10 working days of
     * the referral, then, for the children who need more, a core assessment within 35 of its start.
     */
    INITIAL_CORE,
    /**
     * Single assessments, except in one region that still works the former framework, as councils
     * moved over at different times: the areas beneath the hierarchy's last region (South in the
     * default hierarchy). The default, so that every assessment row has figures.
     */
    MIXED
}
