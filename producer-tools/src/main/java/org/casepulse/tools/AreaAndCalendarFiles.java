package org.casepulse.tools;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.reference.AreaHierarchy;
import picocli.CommandLine.Option;

/** The area hierarchy and bank holiday files the streams application may be given; absent: the shipped ones. */
final class AreaAndCalendarFiles {
    @SettingKey("casepulse.areas")
    @Option(names = "--areas", paramLabel = "FILE",
            description = "Area hierarchy YAML (env CASEPULSE_AREAS; default: the shipped 21 service areas).")
    Path areas;

    @SettingKey("casepulse.calendar.bank-holidays")
    @Option(names = "--bank-holidays", paramLabel = "FILE",
            description = "GOV.UK bank-holidays.json (env CASEPULSE_CALENDAR_BANK_HOLIDAYS; default: the shipped 2015-2027 list).")
    Path bankHolidays;

    @SettingKey("casepulse.calendar.mode")
    @Option(names = "--calendar-mode", paramLabel = "MODE",
            description = "extend: add the file's bank holidays to the shipped ones; replace: use only the file's "
                    + "(env CASEPULSE_CALENDAR_MODE; default: ${DEFAULT-VALUE}).")
    String calendarMode;

    AreaHierarchy areas() {
        return areas == null ? AreaHierarchy.defaults() : AreaHierarchy.load(areas);
    }

    WorkingDayCalendar calendar() {
        return WorkingDayCalendar.load(Optional.ofNullable(bankHolidays), mode());
    }

    WorkingDayCalendar.Mode mode() {
        try {
            return WorkingDayCalendar.Mode.valueOf(calendarMode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--calendar-mode must be extend or replace, got " + calendarMode, e);
        }
    }
}
