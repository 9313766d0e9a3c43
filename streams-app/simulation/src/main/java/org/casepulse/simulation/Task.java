package org.casepulse.simulation;

/**
 * A step of a case due on a day. A case runs one main line of steps (its life: allocation,
 * assessment, plans, closure) and, beside it, tracks that only record what happens while a plan,
 * an enquiry or an arrangement lasts (reviews, checks, placements, visits). {@code generation}
 * ties a step to what it belongs to: when that ends or is superseded, the step finds a newer
 * generation and does nothing.
 */
record Task(SimCase c, SimCase.Step step, int generation) {}
