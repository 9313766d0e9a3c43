package org.casepulse.topology;

import java.util.ArrayList;
import java.util.List;
import org.casepulse.state.ChildState;
import org.casepulse.state.ChildSummary;

/**
 * A child's state: the summaries of its cases, one per case and recorded day, with one table of
 * strings for all (the same case, child, areas and indicators come back in every summary).
 */
final class ChildStateSerde extends CompactSerde<ChildState> {

    ChildStateSerde() {
        super(0xD5, "child");
    }

    @Override
    protected void write(ChildState value, Writer out) {
        Strings strings = new Strings();
        for (ChildSummary summary : value.getCases()) {
            ChildSummarySerde.index(summary, strings);
        }
        strings.writeTo(out);
        out.varint(value.getCases().size());
        for (ChildSummary summary : value.getCases()) {
            ChildSummarySerde.write(summary, out, strings);
        }
    }

    @Override
    protected ChildState read(Reader in) {
        String[] strings = Strings.readFrom(in);
        int size = in.varint();
        List<ChildSummary> cases = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            cases.add(ChildSummarySerde.read(in, strings));
        }
        return new ChildState(cases);
    }
}
