package org.casepulse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlReaderTest {

    @Test
    void shouldYieldEveryGoodEventAndAnErrorForEveryBadLine() throws IOException {
        CaseEvent referral = SampleEvents.minimal(EventType.REFERRAL_RECEIVED);
        CaseEvent allocation = SampleEvents.minimal(EventType.ALLOCATION_MADE);
        CaseEvent closure = SampleEvents.everyField(EventType.CASE_CLOSED);
        String input = String.join("\r\n",
                CaseEventJsonl.toLine(referral),
                "{\"eventId\":",
                "",
                CaseEventJsonl.toLine(allocation),
                "  \t",
                CaseEventJsonl.toLine(allocation).replace("occurredOn", "ocurredOn"),
                "[]",
                CaseEventJsonl.toLine(closure),
                CaseEventJsonl.toLine(allocation).replace(",\"workerId\":\"worker-0007\"", "")) + "\r\n";

        List<ParsedLine> lines = new ArrayList<>();
        try (JsonlReader reader = new JsonlReader(new StringReader(input))) {
            reader.forEachRemaining(lines::add);

            assertThat(reader.linesRead()).isEqualTo(9);
            assertThat(reader.blankLines()).isEqualTo(2);
        }

        assertThat(lines).filteredOn(ParsedLine.Event.class::isInstance)
                .containsExactly(new ParsedLine.Event(1, referral), new ParsedLine.Event(4, allocation), new ParsedLine.Event(8, closure));
        assertThat(lines).filteredOn(ParsedLine.LineError.class::isInstance)
                .map(ParsedLine.LineError.class::cast)
                .extracting(ParsedLine.LineError::lineNumber, ParsedLine.LineError::field, ParsedLine.LineError::reason)
                .containsExactly(
                        tuple(2L, null, ReasonCode.MALFORMED_JSON),
                        tuple(6L, "ocurredOn", ReasonCode.UNKNOWN_FIELD),
                        tuple(7L, null, ReasonCode.NOT_AN_OBJECT),
                        tuple(9L, "workerId", ReasonCode.MISSING_FIELD));
    }

    @Test
    void shouldParseTheExampleFileWithCanonicalLinesOfEveryEventType() throws IOException, URISyntaxException {
        Path examples = Path.of(getClass().getResource("/examples/case-events.jsonl").toURI());
        List<String> rawLines = Files.readAllLines(examples, StandardCharsets.UTF_8);

        List<CaseEvent> events = new ArrayList<>();
        try (JsonlReader reader = JsonlReader.open(examples)) {
            reader.forEachRemaining(line -> {
                assertThat(line).isInstanceOf(ParsedLine.Event.class);
                events.add(((ParsedLine.Event) line).event());
            });
        }

        assertThat(EnumSet.copyOf(events.stream().map(CaseEvent::getType).toList()))
                .as("every type a producer may send").isEqualTo(SampleEvents.SENDABLE_TYPES);
        assertThat(events).extracting(CaseEventJsonl::toLine).containsExactlyElementsOf(rawLines);
    }

    @Test
    void shouldShowTheExampleFileInTheReadmeAsItIs() throws IOException, URISyntaxException {
        Path examples = Path.of(getClass().getResource("/examples/case-events.jsonl").toURI());
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8); // run from the module

        String block = readme.substring(readme.indexOf("```jsonl\n") + "```jsonl\n".length());
        assertThat(block.substring(0, block.indexOf("```\n")))
                .isEqualTo(Files.readString(examples, StandardCharsets.UTF_8));
    }

    @Test
    void shouldIgnoreAByteOrderMarkOnTheFirstLine() throws IOException {
        CaseEvent event = SampleEvents.minimal(EventType.VISIT_RECORDED);

        try (JsonlReader reader = new JsonlReader(new StringReader("\uFEFF" + CaseEventJsonl.toLine(event) + "\n"))) {
            assertThat(reader.next()).isEqualTo(new ParsedLine.Event(1, event));
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void shouldCountATrailingLineWithoutTerminator() throws IOException {
        String line = CaseEventJsonl.toLine(SampleEvents.minimal(EventType.CASE_CLOSED));

        try (JsonlReader reader = new JsonlReader(new StringReader(line + "\n" + line))) {
            assertThat(reader).toIterable().hasSize(2);
            assertThat(reader.linesRead()).isEqualTo(2);
        }
    }

    @Test
    void shouldFailLoudlyOnAFileThatIsNotUtf8(@TempDir Path dir) throws IOException {
        Path latin1 = dir.resolve("latin1.jsonl");
        Files.writeString(latin1, CaseEventJsonl.toLine(SampleEvents.minimal(EventType.REFERRAL_RECEIVED))
                .replace("N3", "Ynys Môn"), StandardCharsets.ISO_8859_1);

        try (JsonlReader reader = JsonlReader.open(latin1)) {
            assertThatThrownBy(reader::hasNext)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(MalformedInputException.class);
        }
    }
}
