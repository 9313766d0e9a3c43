package org.casepulse.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.casepulse.calendar.WorkingDayCalendar.Mode;
import org.casepulse.reference.file.ReferenceFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Figures worked out by hand against a paper calendar and the bank holiday list. */
class WorkingDayCalendarTest {
    private final WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} to {1} = {2} ({3})")
    @CsvSource({
        // Receipt day counts as nought.
        "2024-06-10, 2024-06-10, 0, same day",
        "2024-06-10, 2024-06-11, 1, Monday to Tuesday",
        // Weekend receipts: the next Monday is day 1; the weekend itself adds nothing.
        "2024-06-15, 2024-06-16, 0, Saturday to Sunday",
        "2024-06-15, 2024-06-17, 1, Saturday to Monday",
        "2024-06-16, 2024-06-17, 1, Sunday to Monday",
        "2024-06-15, 2024-06-18, 2, Saturday to Tuesday",
        // Friday receipt.
        "2024-06-14, 2024-06-15, 0, Friday to Saturday",
        "2024-06-14, 2024-06-17, 1, Friday to Monday",
        "2024-06-14, 2024-06-18, 2, Friday to Tuesday",
        // Easter 2024: Good Friday 29 March, Easter Monday 1 April.
        "2024-03-28, 2024-04-01, 0, Maundy Thursday to Easter Monday",
        "2024-03-28, 2024-04-02, 1, Maundy Thursday to Tuesday after Easter",
        "2024-03-28, 2024-04-03, 2, Maundy Thursday to Wednesday after Easter",
        // Christmas 2020: Friday 25th, Boxing Day substitute Monday 28th, New Year Friday 1 January.
        "2020-12-24, 2020-12-29, 1, Christmas Eve 2020 to Tuesday 29th",
        "2020-12-24, 2021-01-04, 4, 29 30 31 December and 4 January",
        // Christmas 2021 on a weekend: substitutes Monday 27th and Tuesday 28th, New Year Monday 3rd.
        "2021-12-24, 2021-12-28, 0, Friday 24th over both substitute days",
        "2021-12-24, 2021-12-29, 1, Friday 24th to Wednesday 29th",
        "2021-12-24, 2022-01-04, 4, 29 30 31 December and 4 January",
        // Christmas 2022: Boxing Day Monday 26th, Christmas substitute Tuesday 27th, New Year Monday 2nd.
        "2022-12-23, 2022-12-28, 1, Friday 23rd to Wednesday 28th",
        "2022-12-23, 2023-01-03, 4, 28 29 30 December and 3 January",
        // Year end: New Year's Day 2025 is a Wednesday.
        "2024-12-31, 2025-01-01, 0, New Year's Eve to New Year's Day",
        "2024-12-31, 2025-01-02, 1, New Year's Eve to 2 January",
        // 45 working days across Christmas 2024 (25th, 26th and 1 January are holidays).
        "2024-11-15, 2025-01-21, 44, day before the 45th",
        "2024-11-15, 2025-01-22, 45, the 45th working day",
    })
    void shouldCountWorkingDaysAfterTheStartDay(LocalDate a, LocalDate b, int expected, String why) {
        assertThat(calendar.workingDaysBetween(a, b)).as(why).isEqualTo(expected);
    }

    @Test
    void shouldMeetTheTwoWorkingDayAllocationTargetByTheSecondWorkingDay() {
        // Received Monday 10 June 2024: allocated Wednesday is within 2 days, Thursday is not.
        LocalDate received = parse("2024-06-10");
        assertThat(calendar.nthWorkingDayAfter(received, 2)).isEqualTo(parse("2024-06-12"));
        assertThat(calendar.workingDaysBetween(received, parse("2024-06-12"))).isLessThanOrEqualTo(2);
        assertThat(calendar.workingDaysBetween(received, parse("2024-06-13"))).isEqualTo(3);
        // Received on a Friday, the deadline is the Tuesday.
        assertThat(calendar.nthWorkingDayAfter(parse("2024-06-14"), 2)).isEqualTo(parse("2024-06-18"));
    }

    @Test
    void shouldFindTheNthWorkingDayAcrossWeekendsAndHolidays() {
        assertThat(calendar.nthWorkingDayAfter(parse("2024-06-15"), 1)).isEqualTo(parse("2024-06-17"));
        assertThat(calendar.nthWorkingDayAfter(parse("2020-12-24"), 1)).isEqualTo(parse("2020-12-29"));
        assertThat(calendar.nthWorkingDayAfter(parse("2021-12-24"), 1)).isEqualTo(parse("2021-12-29"));
        assertThat(calendar.nthWorkingDayAfter(parse("2024-11-15"), 45)).isEqualTo(parse("2025-01-22"));
    }

    @Test
    void shouldKnowWeekendsAndBankHolidays() {
        assertThat(calendar.isWorkingDay(parse("2024-06-14"))).as("Friday").isTrue();
        assertThat(calendar.isWorkingDay(parse("2024-06-15"))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(parse("2024-03-29"))).as("Good Friday").isFalse();
        assertThat(calendar.isWorkingDay(parse("2020-12-28"))).as("Boxing Day substitute").isFalse();
        assertThat(calendar.isWorkingDay(parse("2022-09-19"))).as("State funeral").isFalse();
        assertThat(calendar.isWorkingDay(parse("2015-01-01"))).as("first covered day").isFalse();
        assertThat(calendar.isWorkingDay(parse("2015-01-02"))).isTrue();
        assertThat(calendar.isWorkingDay(parse("2027-12-31"))).as("last covered day").isTrue();
    }

    @Test
    void shouldCoverTheWholeYearsOfTheShippedData() {
        assertThat(calendar.firstCoveredDate()).isEqualTo(parse("2015-01-01"));
        assertThat(calendar.lastCoveredDate()).isEqualTo(parse("2027-12-31"));
        assertThat(calendar.covers(parse("2014-12-31"))).isFalse();
        assertThat(calendar.covers(parse("2015-01-01"))).isTrue();
        assertThat(calendar.covers(parse("2027-12-31"))).isTrue();
        assertThat(calendar.covers(parse("2028-01-01"))).isFalse();
        assertThat(WorkingDayCalendar.englandAndWales()).isSameAs(calendar);
    }

    @Test
    void shouldRefuseDatesOutsideTheCalendarNamingTheDateTheRangeAndTheRemedy() {
        assertThatThrownBy(() -> calendar.workingDaysBetween(parse("2027-12-30"), parse("2028-01-04")))
                .isInstanceOf(CalendarGapException.class)
                .hasMessageContaining("2028-01-04")
                .hasMessageContaining("2015-01-01 to 2027-12-31")
                .hasMessageContaining("bank-holidays.json")
                .hasMessageContaining("casepulse.calendar.bank-holidays");
        assertThatThrownBy(() -> calendar.isWorkingDay(parse("2014-12-31")))
                .isInstanceOf(CalendarGapException.class)
                .hasMessageContaining("2014-12-31");
    }

    @Test
    void shouldRefuseToCountForwardPastTheLastCoveredDay() {
        // 29 December 2027 is a Wednesday after the substitute holidays; the 31st is a Friday.
        assertThat(calendar.nthWorkingDayAfter(parse("2027-12-29"), 2)).isEqualTo(parse("2027-12-31"));
        assertThatThrownBy(() -> calendar.nthWorkingDayAfter(parse("2027-12-29"), 3))
                .isInstanceOf(CalendarGapException.class)
                .hasMessageContaining("working day 3 after 2027-12-29")
                .hasMessageContaining("casepulse.calendar.bank-holidays");
    }

    @Test
    void shouldRejectAnEndBeforeTheStartAndANonPositiveN() {
        assertThatThrownBy(() -> calendar.workingDaysBetween(parse("2024-06-11"), parse("2024-06-10")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.nthWorkingDayAfter(parse("2024-06-10"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldExtendTheShippedDataWithAGovUkFile() throws URISyntaxException {
        WorkingDayCalendar extended = WorkingDayCalendar.load(Optional.of(fixture()), Mode.EXTEND);

        assertThat(extended.firstCoveredDate()).isEqualTo(parse("2015-01-01"));
        assertThat(extended.lastCoveredDate()).isEqualTo(parse("2028-12-31"));
        // New Year's Day 2028 is a Saturday: the substitute Monday 3rd is a holiday.
        assertThat(extended.workingDaysBetween(parse("2027-12-31"), parse("2028-01-04"))).isEqualTo(1);
        assertThat(extended.isWorkingDay(parse("2028-04-14"))).as("Good Friday 2028").isFalse();
        assertThat(extended.isWorkingDay(parse("2028-01-04"))).as("a Scottish holiday only").isTrue();
        assertThat(extended.isWorkingDay(parse("2020-12-28"))).as("shipped data kept").isFalse();
    }

    @Test
    void shouldReplaceTheShippedDataWithAGovUkFile() throws URISyntaxException {
        WorkingDayCalendar replaced = WorkingDayCalendar.load(Optional.of(fixture()), Mode.REPLACE);

        assertThat(replaced.firstCoveredDate()).isEqualTo(parse("2028-01-01"));
        assertThat(replaced.lastCoveredDate()).isEqualTo(parse("2028-12-31"));
        assertThat(replaced.covers(parse("2027-06-01"))).isFalse();
    }

    @Test
    void shouldUseTheShippedDataWhenNoFileIsGiven() {
        assertThat(WorkingDayCalendar.load(Optional.empty(), Mode.REPLACE)).isSameAs(calendar);
    }

    @Test
    void shouldRejectAFileThatLeavesAYearWithoutBankHolidays() throws IOException {
        Path file = write("""
                {"england-and-wales": {"division": "england-and-wales", "events": [
                  {"title": "New Year's Day", "date": "2030-01-01", "notes": "", "bunting": true}
                ]}}
                """);

        assertThatThrownBy(() -> WorkingDayCalendar.load(Optional.of(file), Mode.EXTEND))
                .isInstanceOf(ReferenceFileException.class)
                .hasMessageStartingWith(file + ": no bank holidays for 2028, 2029");
    }

    @Test
    void shouldNameTheLineAndFieldOfABadDate() throws IOException {
        Path file = write("""
                {"england-and-wales": {"division": "england-and-wales", "events": [
                  {"title": "New Year's Day", "date": "2028-01-03"},
                  {"title": "Good Friday", "date": "14/04/2028"}
                ]}}
                """);

        assertThatThrownBy(() -> WorkingDayCalendar.load(Optional.of(file), Mode.EXTEND))
                .isInstanceOf(ReferenceFileException.class)
                .hasMessage(file + ":3: england-and-wales.events[1].date: must be a YYYY-MM-DD date, got 14/04/2028");
    }

    @Test
    void shouldRejectAFileWithoutTheEnglandAndWalesDivision() throws IOException {
        Path file = write("""
                {"scotland": {"division": "scotland", "events": []}}
                """);

        assertThatThrownBy(() -> WorkingDayCalendar.load(Optional.of(file), Mode.REPLACE))
                .isInstanceOf(ReferenceFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("england-and-wales");
    }

    @Test
    void shouldNameAMissingFile() {
        Path missing = dir.resolve("absent.json");

        assertThatThrownBy(() -> WorkingDayCalendar.load(Optional.of(missing), Mode.EXTEND))
                .isInstanceOf(ReferenceFileException.class)
                .hasMessageStartingWith(missing + ": cannot read the file");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("bank-holidays.json"), json);
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(WorkingDayCalendarTest.class.getResource("/calendar/bank-holidays-2028.json").toURI());
    }
}
