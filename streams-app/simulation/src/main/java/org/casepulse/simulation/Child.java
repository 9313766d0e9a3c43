package org.casepulse.simulation;

/** A child known to children's services: referred once or again. */
final class Child {
    final String id;
    boolean openCase;
    int lastReferralDay;
    boolean hadChildProtectionPlan;

    Child(String id) {
        this.id = id;
    }
}
