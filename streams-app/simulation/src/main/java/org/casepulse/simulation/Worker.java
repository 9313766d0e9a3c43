package org.casepulse.simulation;

/** A social worker: the cases they hold now, and the most they take before new ones go elsewhere. */
final class Worker {
    final String id;
    final int cap;
    int load;

    Worker(String id, int cap) {
        this.id = id;
        this.cap = cap;
    }
}
