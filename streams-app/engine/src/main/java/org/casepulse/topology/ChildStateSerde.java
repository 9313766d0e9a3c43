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
        List<ChildSummary> cases = value.getCases();
        Strings strings = new Strings();
        for (ChildSummary summary : cases) {
            ChildSummarySerde.index(summary, strings);
        }
        strings.writeTo(out);
        out.entries(cases.size(), i -> ChildSummarySerde.write(cases.get(i), out, strings));
    }

    @Override
    protected ChildState read(Reader in) {
        String[] strings = Strings.readFrom(in);
        return in.entries(size -> new ChildState(new ArrayList<>(size)),
                (child, i) -> child.getCases().add(ChildSummarySerde.read(in, strings)));
    }
}
