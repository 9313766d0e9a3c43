package org.casepulse.benchmark;

import java.util.Iterator;
import org.casepulse.publish.CaseEventPublisher;
import org.casepulse.publish.PublisherSettings;
import org.casepulse.simulation.SimulatedRecord;
import org.casepulse.simulation.Simulation;

/** Sends the first events of a simulated history to a topic, as the benchmarks feed their engines. */
final class History {

    private History() {}

    /** @return how many events were sent: {@code limit}, or fewer if the history ends first */
    static long publish(Simulation simulation, long limit, String bootstrap, String registryUrl, String topic) {
        long sent = 0;
        try (CaseEventPublisher publisher = CaseEventPublisher.connect(
                PublisherSettings.of(bootstrap, registryUrl).withTopic(topic))) {
            Iterator<SimulatedRecord> records = simulation.start();
            while (records.hasNext() && sent < limit) {
                publisher.send(records.next());
                sent++;
            }
            publisher.flush();
        }
        return sent;
    }
}
