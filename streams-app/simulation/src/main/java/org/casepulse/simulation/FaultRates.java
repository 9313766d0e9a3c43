package org.casepulse.simulation;

/**
 * How often the simulation injects each fault, as a fraction of the clean events (0.01 = one
 * event in a hundred). Each fault is decided per clean event, independently of the others and of
 * the clean history, so turning one on never changes the clean events or the other faults.
 *
 * @param amendments  the event is re-sent 1-10 days later with revision 1 and a changed date or area
 * @param retractions an EVENT_RETRACTED naming the event follows 1-10 days later
 * @param duplicates  the event is sent again, byte for byte, minutes to hours later
 * @param late        the event is recorded (and so sent) 3-30 days after its date, out of order
 * @param malformed   a broken record follows the event: bad JSON, a missing required field, an
 *                    unknown area, or a plan ended before it started (a valid event that is an anomaly)
 */
public record FaultRates(double amendments, double retractions, double duplicates, double late, double malformed) {

    public static final FaultRates NONE = new FaultRates(0, 0, 0, 0, 0);

    public FaultRates {
        check("amendments", amendments);
        check("retractions", retractions);
        check("duplicates", duplicates);
        check("late", late);
        check("malformed", malformed);
    }

    /** Whether any fault is injected. */
    public boolean any() {
        return amendments > 0 || retractions > 0 || duplicates > 0 || late > 0 || malformed > 0;
    }

    private static void check(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " rate must be between 0 and 1, got " + rate);
        }
    }
}
