package org.casepulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks every version of the contract gets for the types and fields it adds, through the JSON
 * Lines parser and the validator: each version's test supplies only its lines and cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContractJsonlTest {

    /** A line in the order the writer uses, so that writing a parsed good line gives the line back. */
    static String line(String eventId, String common, EventType type, String fields) {
        return "{\"eventId\":\"" + eventId + "\",\"revision\":0,\"type\":\"" + type + "\"," + common
                + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    /** Lines that parse, with what each must read; written back, each gives its {@code written} text. */
    abstract Stream<Arguments> goodLines();

    /** (line, field, its value as written in the line): the field is one the line's type requires. */
    abstract Stream<Arguments> requiredFields();

    /** (line, field, its value as written in the line, the enum's symbols). */
    abstract Stream<Arguments> enumFields();

    /** (what, line, field, reason, the message after the line number). */
    abstract Stream<Arguments> badValues();

    static Arguments good(String line, Consumer<CaseEvent> check) {
        return good(line, line, check);
    }

    static Arguments good(String line, String written, Consumer<CaseEvent> check) {
        return Arguments.of(line, written, check);
    }

    static Arguments bad(String what, String line, String field, ReasonCode code, String message) {
        return Arguments.of(what, line, field, code, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodLines")
    void shouldReadEveryFieldOfAGoodLineAndWriteItBackTheSame(String line, String written, Consumer<CaseEvent> check) {
        ParsedLine parsed = CaseEventJsonl.parseLine(line, 1);

        assertThat(parsed).isInstanceOf(ParsedLine.Event.class);
        CaseEvent event = ((ParsedLine.Event) parsed).event();
        check.accept(event);
        assertThat(CaseEventJsonl.toLine(event)).isEqualTo(written);
        assertThat(CaseEventJsonl.parseLine(written, 1)).isEqualTo(parsed);
    }

    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("requiredFields")
    void shouldRejectALineWithoutAFieldItsTypeRequires(String line, String field, String value) {
        String type = line.replaceAll(".*\"type\":\"([A-Z_]+)\".*", "$1");
        String omitted = line.replace(",\"" + field + "\":" + value, "");
        String nulled = line.replace("\"" + field + "\":" + value, "\"" + field + "\":null");
        assertThat(omitted).isNotEqualTo(line);

        for (String bad : new String[] {omitted, nulled}) {
            assertThat(CaseEventJsonl.parseLine(bad, 3)).isInstanceOfSatisfying(ParsedLine.LineError.class, error -> {
                assertThat(error.field()).isEqualTo(field);
                assertThat(error.reason()).isEqualTo(ReasonCode.MISSING_FIELD);
                assertThat(error.message()).isEqualTo("line 3: " + field + ": required for " + type);
            });
        }
        String blank = line.replace("\"" + field + "\":" + value, "\"" + field + "\":\"\"");
        if (field.endsWith("Id")) {
            assertThat(CaseEventJsonl.parseLine(blank, 3)).isInstanceOfSatisfying(ParsedLine.LineError.class,
                    error -> assertThat(error.message()).isEqualTo("line 3: " + field + ": must not be blank"));
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("enumFields")
    void shouldRejectAnEnumValueTheSchemaDoesNotHaveAndListTheAllowedOnes(String line, String field, String value, Enum<?>[] symbols) {
        String allowed = Arrays.stream(symbols).map(Enum::name).collect(Collectors.joining(", "));

        for (String wrong : new String[] {"\"NOT_A_SYMBOL\"", value.toLowerCase()}) {
            String bad = line.replace("\"" + field + "\":" + value, "\"" + field + "\":" + wrong);
            assertThat(CaseEventJsonl.parseLine(bad, 5)).isInstanceOfSatisfying(ParsedLine.LineError.class, error -> {
                assertThat(error.field()).isEqualTo(field);
                assertThat(error.reason()).isEqualTo(ReasonCode.UNKNOWN_ENUM_VALUE);
                assertThat(error.message()).isEqualTo("line 5: " + field + ": unknown value " + wrong + "; allowed: " + allowed);
            });
        }
        String number = line.replace("\"" + field + "\":" + value, "\"" + field + "\":3");
        assertThat(CaseEventJsonl.parseLine(number, 5)).isInstanceOfSatisfying(ParsedLine.LineError.class,
                error -> assertThat(error.message()).isEqualTo("line 5: " + field + ": expected a string, got an integer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void shouldRejectABadValueOfANewField(String what, String line, String field, ReasonCode code, String message) {
        assertThat(CaseEventJsonl.parseLine(line, 9)).isInstanceOfSatisfying(ParsedLine.LineError.class, error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.reason()).isEqualTo(code);
            assertThat(error.message()).startsWith("line 9: " + message);
        });
    }
}
