package org.casepulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlWriterTest {

    private static List<CaseEvent> oneOfEachType() {
        List<CaseEvent> events = new ArrayList<>();
        for (EventType type : SampleEvents.SENDABLE_TYPES) {
            events.add(SampleEvents.minimal(type));
            events.add(SampleEvents.everyField(type));
        }
        return events;
    }

    @Test
    void shouldWriteOneUtf8LinePerEventEndedByNewline(@TempDir Path dir) throws IOException {
        CaseEvent welsh = SampleEvents.minimal(EventType.REFERRAL_RECEIVED);
        welsh.setAreaCode("Ynys Môn");
        Path file = dir.resolve("events.jsonl");

        try (JsonlWriter writer = JsonlWriter.open(file)) {
            writer.write(welsh);
            writer.write(SampleEvents.minimal(EventType.CASE_CLOSED));
            assertThat(writer.linesWritten()).isEqualTo(2);
        }

        String expected = CaseEventJsonl.toLine(welsh) + "\n"
                + CaseEventJsonl.toLine(SampleEvents.minimal(EventType.CASE_CLOSED)) + "\n";
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        assertThat(expected).contains("\"areaCode\":\"Ynys Môn\"");
    }

    @Test
    void shouldWriteTheSameBytesForTheSameEvents(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");

        try (JsonlWriter writer = JsonlWriter.open(first)) {
            for (CaseEvent event : oneOfEachType()) {
                writer.write(event);
            }
        }
        try (JsonlWriter writer = JsonlWriter.open(second)) {
            for (CaseEvent event : oneOfEachType()) {
                writer.write(CaseEvent.newBuilder(event).build());
            }
        }

        assertThat(Files.size(first)).isPositive();
        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
    }

    @Test
    void shouldReadBackWhatItWrote(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("events.jsonl");
        try (JsonlWriter writer = JsonlWriter.open(file)) {
            for (CaseEvent event : oneOfEachType()) {
                writer.write(event);
            }
        }

        List<ParsedLine> lines = new ArrayList<>();
        try (JsonlReader reader = JsonlReader.open(file)) {
            reader.forEachRemaining(lines::add);
        }

        assertThat(lines).allMatch(ParsedLine.Event.class::isInstance)
                .map(line -> ((ParsedLine.Event) line).event())
                .containsExactlyElementsOf(oneOfEachType());
    }

    @Test
    void shouldWriteToACharacterWriter() throws IOException {
        StringWriter out = new StringWriter();
        CaseEvent event = SampleEvents.minimal(EventType.ASSESSMENT_STARTED);

        try (JsonlWriter writer = new JsonlWriter(out)) {
            writer.write(event);
            writer.write(event);
        }

        String line = CaseEventJsonl.toLine(event);
        assertThat(out.toString().split("\n", -1)).isEqualTo(new String[] {line, line, ""});
    }
}
