package org.casepulse.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.casepulse.reference.file.ReferenceFile;
import org.casepulse.reference.file.ReferenceFileException;

/** Reads England and Wales bank holiday dates: the shipped list, or GOV.UK's bank-holidays.json. */
final class BankHolidays {
    static final String SHIPPED_RESOURCE = "calendar/bank-holidays-england-and-wales.txt";
    private static final String DIVISION = "england-and-wales";

    private BankHolidays() {}

    /** The shipped list: one {@code YYYY-MM-DD title} a line; blank lines and {@code #} comments skipped. */
    static SortedSet<LocalDate> shipped() {
        String name = "classpath:" + SHIPPED_RESOURCE;
        try (InputStream in = BankHolidays.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new ReferenceFileException(name, 0, null, "the resource is missing from the class path");
            }
            SortedSet<LocalDate> dates = new TreeSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                String date = content.split("\\s+", 2)[0];
                try {
                    dates.add(LocalDate.parse(date));
                } catch (DateTimeParseException e) {
                    throw new ReferenceFileException(name, lineNumber, null, "not a YYYY-MM-DD date: " + date, e);
                }
            }
            return dates;
        } catch (IOException e) {
            throw new ReferenceFileException(name, 0, null, "cannot read the resource: " + e, e);
        }
    }

    /** The England and Wales dates of a GOV.UK bank-holidays.json; the other divisions are ignored. */
    static SortedSet<LocalDate> govUkJson(Path path) {
        ReferenceFile file = ReferenceFile.json(path, ReferenceFileException::new);
        GovUkFile content = file.bind(GovUkFile.class);
        if (content.englandAndWales() == null) {
            throw file.error(null, "no \"" + DIVISION + "\" division: expected GOV.UK's bank-holidays.json");
        }
        List<GovUkEvent> events = content.englandAndWales().events();
        if (events == null || events.isEmpty()) {
            throw file.error(DIVISION + ".events", "no bank holidays listed");
        }
        SortedSet<LocalDate> dates = new TreeSet<>();
        for (int i = 0; i < events.size(); i++) {
            String field = DIVISION + ".events[" + i + "].date";
            String date = events.get(i).date();
            if (date == null) {
                throw file.error(field, "missing");
            }
            try {
                dates.add(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                throw file.error(field, "must be a YYYY-MM-DD date, got " + date);
            }
        }
        return dates;
    }

    /** GOV.UK's file: divisions keyed by name; new fields GOV.UK may add are not our concern. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record GovUkFile(@JsonProperty(DIVISION) GovUkDivision englandAndWales) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GovUkDivision(String division, List<GovUkEvent> events) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GovUkEvent(String title, String date) {}
}
